/** One page of a list, with the total the whole filter matches. */
export interface Page<T> {
  items: T[];
  total: number;
}
