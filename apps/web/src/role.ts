import { authControllerMeV1, type Role } from './api/client';

/** Which kind of account the token belongs to, as the API says (`GET /v1/auth/me`). */
export async function detectRole(): Promise<Role> {
  return (await authControllerMeV1()).data.role;
}

export const isOps = (role: Role | null) => role === 'ops_reviewer' || role === 'ops_admin';
