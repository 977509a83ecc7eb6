/** Messages of the security area; the other locales have exactly these keys (parity.test.ts). */
export const securityEn = {
  "security.binding.authRequired":
    "Serving on {host} needs --auth: only loopback addresses (127.0.0.1, localhost, ::1) may go without tokens.",
  "security.tokens.description": "Create, list and revoke the API tokens of crm-kpi serve --auth",
  "security.tokens.create.description": "Create a token and print it once",
  "security.tokens.create.option.role":
    "what the token may do: read, or admin (also import, merge, goals, settings)",
  "security.tokens.create.option.name": "a name to recognise the token by in tokens list",
  "security.tokens.list.description": "List the tokens (never their secrets)",
  "security.tokens.revoke.description": "Revoke a token for good",
  "security.tokens.revoke.arg.id": "the token's id, as tokens list shows it",
  "security.tokens.created": "Created token {id} with role {role}:",
  "security.tokens.shownOnce":
    "Copy it now: it is shown only this once, and the database keeps only its hash. Send it as Authorization: Bearer <token>.",
  "security.tokens.revoked": "Revoked token {id}: requests that send it now get 401.",
  "security.tokens.none": "There are no tokens yet; create one with crm-kpi tokens create --role read.",
  "security.tokens.unknown": 'There is no token "{value}"; see crm-kpi tokens list.',
  "security.tokens.column.id": "Id",
  "security.tokens.column.name": "Name",
  "security.tokens.column.role": "Role",
  "security.tokens.column.created": "Created",
  "security.tokens.column.revoked": "Revoked",
  "security.tokens.active": "active",
} as const;
