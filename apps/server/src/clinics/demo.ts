/**
 * `BACKTRACK_DEMO_CLINIC=1`: a demo clinic for trying both sides on a fresh
 * machine: an admin and two clinicians (accounts with known passwords,
 * printed at start-up), the default appointment types, and working hours on
 * weekdays (and one Saturday morning), so the next fortnight has free slots.
 * Idempotent: a second start finds the clinic by name and changes nothing.
 * Demo only: never set it on a server with real users.
 */
import type { Repositories } from '@backtrack/db';
import { scryptPasswordHasher, type PasswordHasher } from '../auth/passwords.js';
import { addDefaultAppointmentTypes } from './service.js';

/** The demo clinic's name (how a second start finds it). */
export const DEMO_CLINIC_NAME = 'Backtrack Demo Physiotherapy';
/** The demo accounts' password. */
export const DEMO_PASSWORD = 'demo clinic password';

const ADMIN = { email: 'admin@demo-clinic.backtrack.local', name: 'Clinic admin' };
const CLINICIANS = [
  {
    email: 'anna@demo-clinic.backtrack.local',
    name: 'Anna Holm, physiotherapist',
    // Monday to Friday, 08:00–16:00.
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinutes: 480, endMinutes: 960 })),
  },
  {
    email: 'ben@demo-clinic.backtrack.local',
    name: 'Ben Okafor, sports physiotherapist',
    // Monday to Thursday, 12:00–19:00, and Saturday 09:00–13:00.
    hours: [
      ...[1, 2, 3, 4].map((weekday) => ({ weekday, startMinutes: 720, endMinutes: 1140 })),
      { weekday: 6, startMinutes: 540, endMinutes: 780 },
    ],
  },
];

/** What was seeded, and the login to print. */
export interface DemoClinic {
  clinicId: string;
  clinicName: string;
  created: boolean;
  login: { email: string; password: string };
  admin: { email: string; password: string };
}

/** Seeds the demo clinic unless it exists. */
export async function seedDemoClinic(
  repos: Repositories,
  options: { now: Date; passwords?: PasswordHasher },
): Promise<DemoClinic> {
  const login = { email: CLINICIANS[0]?.email ?? '', password: DEMO_PASSWORD };
  const admin = { email: ADMIN.email, password: DEMO_PASSWORD };
  const existing = await repos.clinics.findByName(DEMO_CLINIC_NAME);
  if (existing)
    return { clinicId: existing.id, clinicName: existing.name, created: false, login, admin };
  const passwords = options.passwords ?? scryptPasswordHasher();
  const hash = await passwords.hash(DEMO_PASSWORD);
  const { now } = options;
  const clinic = await repos.transaction(async (tx) => {
    const account = async (email: string) =>
      (await tx.users.findByEmail(email)) ??
      (await tx.users.create({ email, passwordHash: hash, now }));
    const created = await tx.clinics.create({
      name: DEMO_CLINIC_NAME,
      address: 'Demo Street 1, 2200 Copenhagen N, Denmark',
      timeZone: 'Europe/Copenhagen',
      bufferMinutes: 10,
      minNoticeMinutes: 60,
      now,
    });
    const adminUser = await account(ADMIN.email);
    if (!adminUser) throw new Error('could not create the demo admin');
    await tx.clinics.addMember({
      clinicId: created.id,
      userId: adminUser.id,
      role: 'clinic_admin',
      displayName: ADMIN.name,
      now,
    });
    for (const c of CLINICIANS) {
      const user = await account(c.email);
      if (!user) throw new Error(`could not create the demo clinician ${c.email}`);
      const member = await tx.clinics.addMember({
        clinicId: created.id,
        userId: user.id,
        role: 'clinician',
        displayName: c.name,
        now,
      });
      await tx.clinics.replaceWorkingHours(created.id, member.id, c.hours);
    }
    await addDefaultAppointmentTypes(tx, created.id, now);
    return created;
  });
  return { clinicId: clinic.id, clinicName: clinic.name, created: true, login, admin };
}
