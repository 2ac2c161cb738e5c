import * as v from 'valibot';
import { DAYS_OF_WEEK } from '../../../../domain/scheduling/day-of-week.js';
import {
  bodyId,
  idParam,
  localDate,
  pagination,
  password,
  phone,
  rupees,
  text,
  timeOfDay,
  username,
} from '../../schemas/common.js';

const list = (max: number) =>
  v.pipe(v.array(text(100), 'Must be a list of strings'), v.maxLength(max, `At most ${max} entries`));
const years = v.pipe(
  v.number('Must be a number'),
  v.integer('Must be a whole number'),
  v.minValue(0),
  v.maxValue(80),
);
const minutes = v.pipe(
  v.number('Must be a number'),
  v.integer('Must be a whole number'),
  v.minValue(5),
  v.maxValue(480),
);
const pictureUrl = v.nullable(v.pipe(v.string(), v.maxLength(2048), v.url('Must be a URL')));

const profile = {
  primaryCentreId: bodyId,
  specialization: list(20),
  qualification: list(20),
  yearsOfExperience: years,
  consultationFee: rupees,
  languages: list(20),
  profilePictureUrl: v.optional(pictureUrl),
  defaultConsultationDurationMinutes: v.optional(minutes),
};

export const CreateClinicianBody = v.strictObject({
  fullName: text(200),
  phone,
  email: v.optional(
    v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('Invalid email format'))),
  ),
  username: v.optional(username),
  password,
  ...profile,
  specialization: v.optional(list(20), []),
  qualification: v.optional(list(20), []),
  languages: v.optional(list(20), []),
  yearsOfExperience: v.optional(years, 0),
});

export const UpdateClinicianBody = v.pipe(
  v.strictObject(
    Object.fromEntries(Object.entries(profile).map(([key, schema]) => [key, v.optional(schema)])) as {
      [K in keyof typeof profile]: v.OptionalSchema<(typeof profile)[K], undefined>;
    },
  ),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Nothing to update'),
);

export const ClinicianIdParams = v.strictObject({ id: idParam });

export const ClinicianListQuery = v.strictObject({
  centreId: v.optional(idParam),
  specialization: v.optional(text(100)),
  ...pagination,
});

const Rule = v.strictObject({
  dayOfWeek: v.picklist(DAYS_OF_WEEK, 'Must be a day such as MONDAY'),
  startTime: timeOfDay,
  endTime: timeOfDay,
  isAvailable: v.optional(v.boolean('Must be true or false'), true),
  centreId: v.optional(v.nullable(bodyId)),
});

export const AvailabilityBody = v.strictObject({
  availabilityRules: v.pipe(v.array(Rule), v.maxLength(100, 'At most 100 rules')),
});

const Exception = v.strictObject({
  date: localDate,
  isAvailable: v.boolean('Must be true or false'),
  startTime: v.optional(v.nullable(timeOfDay)),
  endTime: v.optional(v.nullable(timeOfDay)),
  centreId: v.optional(v.nullable(bodyId)),
  reason: v.optional(v.nullable(text(500))),
});

export const ExceptionsBody = v.strictObject({
  exceptions: v.pipe(v.array(Exception), v.maxLength(366, 'At most 366 exceptions')),
});
