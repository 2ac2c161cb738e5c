import type { StaffRoleName } from '../../domain/identity/role.js';

/** The demo clinic: what `npm run demo` creates once per database. Every login shares one password. */
export const DEMO_PASSWORD = 'Mibo-Demo-2026';

export const DEMO_CENTRES = [
  {
    key: 'bengaluru',
    name: 'Mibo Bengaluru',
    city: 'Bengaluru',
    address: '12 MG Road, Bengaluru',
    timezone: 'Asia/Kolkata',
  },
  {
    key: 'dubai',
    name: 'Mibo Dubai',
    city: 'Dubai',
    address: '7 Jumeirah Beach Road, Dubai',
    timezone: 'Asia/Dubai',
  },
] as const;

export type DemoCentreKey = (typeof DEMO_CENTRES)[number]['key'];

export const DEMO_STAFF: Array<{
  role: StaffRoleName;
  username: string;
  fullName: string;
  phone: string;
  centre: DemoCentreKey | null;
}> = [
  { role: 'ADMIN', username: 'demo-admin', fullName: 'Asha Admin', phone: '+919900000001', centre: null },
  {
    role: 'MANAGER',
    username: 'demo-manager',
    fullName: 'Manoj Manager',
    phone: '+919900000002',
    centre: null,
  },
  {
    role: 'CENTRE_MANAGER',
    username: 'demo-centre-manager',
    fullName: 'Chitra Centre-Manager',
    phone: '+919900000003',
    centre: 'bengaluru',
  },
  {
    role: 'CARE_COORDINATOR',
    username: 'demo-coordinator',
    fullName: 'Kiran Coordinator',
    phone: '+919900000004',
    centre: null,
  },
  {
    role: 'FRONT_DESK',
    username: 'demo-front-desk',
    fullName: 'Farah Front-Desk',
    phone: '+919900000005',
    centre: 'bengaluru',
  },
];

export const DEMO_CLINICIANS: Array<{
  username: string;
  fullName: string;
  phone: string;
  centre: DemoCentreKey;
  specialization: string[];
  fee: number;
  minutes: number;
}> = [
  {
    username: 'dr-meera',
    fullName: 'Dr. Meera Iyer',
    phone: '+919900000101',
    centre: 'bengaluru',
    specialization: ['Clinical Psychologist'],
    fee: 1500,
    minutes: 60,
  },
  {
    username: 'dr-arjun',
    fullName: 'Dr. Arjun Rao',
    phone: '+919900000102',
    centre: 'bengaluru',
    specialization: ['Psychiatrist'],
    fee: 2000,
    minutes: 30,
  },
  {
    username: 'dr-kavya',
    fullName: 'Dr. Kavya Nair',
    phone: '+919900000103',
    centre: 'bengaluru',
    specialization: ['Therapist'],
    fee: 1200,
    minutes: 50,
  },
  {
    username: 'dr-rohan',
    fullName: 'Dr. Rohan Mehta',
    phone: '+919900000104',
    centre: 'bengaluru',
    specialization: ['Child Psychologist'],
    fee: 1800,
    minutes: 60,
  },
  {
    username: 'dr-sara',
    fullName: 'Dr. Sara Khan',
    phone: '+919900000105',
    centre: 'dubai',
    specialization: ['Clinical Psychologist'],
    fee: 2500,
    minutes: 60,
  },
  {
    username: 'dr-omar',
    fullName: 'Dr. Omar Hassan',
    phone: '+919900000106',
    centre: 'dubai',
    specialization: ['Therapist'],
    fee: 0,
    minutes: 45,
  },
];

export const DEMO_PATIENTS = [
  { fullName: 'Priya Sharma', phone: '+919800000201' },
  { fullName: 'Rahul Verma', phone: '+919800000202' },
  { fullName: 'Anita Desai', phone: '+919800000203' },
];

/** Weekday hours with a lunch break, in each centre's own time zone. */
export const DEMO_HOURS = [
  { startTime: '09:00', endTime: '13:00' },
  { startTime: '14:00', endTime: '18:00' },
];
