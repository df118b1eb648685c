// How doors select clients. Every condition given must hold (DESIGN.md "Organisation").

export interface ClientFilter {
  /** Substring of display name, purpose, hostname or clientId, ignoring case. */
  query?: string | null | undefined;
  /** Substring of the purpose, ignoring case. */
  purpose?: string | null | undefined;
  /** Clients carrying ALL of these tags. */
  tags?: readonly string[] | null | undefined;
  /** Clients with ALL of these capabilities. */
  capabilities?: readonly string[] | null | undefined;
  onlineOnly?: boolean | null | undefined;
  /** true: only clients waiting for acceptKey; false: only those without a key change. */
  keyMismatch?: boolean | null | undefined;
  /** Decommissioned clients are left out unless this is true. */
  includeDecommissioned?: boolean | null | undefined;
  /** Only these clients (by uuid): the guard sets it for a key scoped to a list of clients. */
  clientUuids?: readonly string[] | null | undefined;
}
