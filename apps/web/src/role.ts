import { ApiError, opsAccountsControllerListV1, sellersControllerMeV1, type Role } from './api/client';

/**
 * Which kind of account the token belongs to, from what the API lets it read: a seller reads
 * its own seller; ops are refused there (403), and only an ops_admin may list accounts.
 */
export async function detectRole(): Promise<Role> {
  try {
    await sellersControllerMeV1();
    return 'seller';
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 403)) throw e;
  }
  try {
    await opsAccountsControllerListV1({ query: { role: 'ops_admin', limit: 1 } });
    return 'ops_admin';
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return 'ops_reviewer';
    throw e;
  }
}

export const isOps = (role: Role | null) => role === 'ops_reviewer' || role === 'ops_admin';
