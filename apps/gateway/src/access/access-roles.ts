/**
 * What a client may do. `client`: front-end apps, submitting to the services granted to them and
 * seeing their own applications; `ops`: operations staff, reading every application and the
 * reports; `admin`: managing clients, keys and grants.
 */
export const AccessRoles = {
  client: 'client',
  ops: 'ops',
  admin: 'admin',
} as const;
export type AccessRole = (typeof AccessRoles)[keyof typeof AccessRoles];
export const ACCESS_ROLES: readonly AccessRole[] = Object.values(AccessRoles);

/** Who a request comes from, once its key is verified. */
export interface AuthenticatedClient {
  id: string;
  roles: AccessRole[];
  /** Service codes, `<agency>.*`, or `*`: the services the client may submit to. */
  grants: string[];
  keyId: string;
}

export function isGranted(client: AuthenticatedClient, serviceCode: string): boolean {
  const agency = serviceCode.slice(0, serviceCode.indexOf('.'));
  return client.grants.some(
    (grant) => grant === '*' || grant === serviceCode || grant === `${agency}.*`,
  );
}

/** Ops and admins see every application; a client only its own. */
export function seesEveryApplication(client: AuthenticatedClient): boolean {
  return client.roles.includes(AccessRoles.ops) || client.roles.includes(AccessRoles.admin);
}
