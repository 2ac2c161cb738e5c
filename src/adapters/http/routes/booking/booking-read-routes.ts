import * as v from 'valibot';
import type { GetMyBookingHandler } from '../../../../application/booking/queries/get-my-booking.js';
import type { ListMyBookingsHandler } from '../../../../application/booking/queries/list-my-bookings.js';
import { endpoint, patientOnly, type Endpoint } from '../../endpoint.js';
import { idParam, pagination } from '../../schemas/common.js';
import { authErrors } from '../common-responses.js';
import { bookingDetail, BookingDetailData, bookingListItem, BookingItemData } from './booking-read-views.js';

export interface BookingReadHandlers {
  list: ListMyBookingsHandler;
  get: GetMyBookingHandler;
}

const tag = 'Booking';
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);

export function bookingReadRoutes(h: BookingReadHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/booking/my-appointments',
      tag,
      summary: "The calling patient's appointments",
      description: "By start; dates and times are wall-clock times at each appointment's centre.",
      access: patientOnly,
      rateLimit: 'general',
      query: v.strictObject({ ...pagination }),
      responses: [
        {
          status: 200,
          description: 'Appointments, with `meta` (page, limit, total)',
          data: v.array(BookingItemData),
        },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.list.execute(query, actor);
        return { data: items.map(bookingListItem), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/booking/:id',
      tag,
      summary: "One of the calling patient's appointments",
      description: '`holdExpiresAt` is set while a PENDING appointment waits for its payment.',
      access: patientOnly,
      rateLimit: 'general',
      params: v.strictObject({ id: idParam }),
      responses: [
        { status: 200, description: 'The appointment', data: BookingDetailData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
        ...denied,
      ],
      handle: async ({ params, actor }) => ({ data: bookingDetail(await h.get.execute(params, actor)) }),
    }),
  ];
}
