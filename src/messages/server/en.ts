/** Messages of the HTTP API; the other locales have exactly these keys (parity.test.ts). */
export const serverEn = {
  "server.error.not_found": "There is nothing at {path}.",
  "server.error.not_found.fix": "See /api/openapi.json for the routes of the API.",
  "server.error.bad_request": "The request is invalid: check {fields}.",
  "server.error.bad_request.fix": "See /api/openapi.json for the accepted parameters and values.",
  "server.error.unauthorized": "This request needs a token.",
  "server.error.unauthorized.fix":
    "Send Authorization: Bearer <token>; create one with crm-kpi tokens create.",
  "server.error.forbidden": "This token may only read.",
  "server.error.forbidden.fix": "Use a token created with --role admin.",
  "server.error.payload_too_large": "The request body is larger than the server accepts.",
  "server.error.payload_too_large.fix": "Send a smaller body, or raise the limit when starting the server.",
  "server.error.unsupported_media_type": "The request body must be JSON (Content-Type: application/json).",
  "server.error.unsupported_media_type.fix": "Send the body as JSON with Content-Type: application/json.",
  "server.error.host_not_allowed": "The Host of this request is not allowed.",
  "server.error.host_not_allowed.fix": "Open the dashboard through 127.0.0.1 or localhost.",
  "server.error.cross_origin_refused": "A write from another origin was refused.",
  "server.error.cross_origin_refused.fix": "Send the request from the dashboard's own origin.",
  "server.error.internal": "The server failed to answer this request.",
  "server.error.internal.fix": "Try again; if it keeps failing, see the server's log.",
  "server.error.no_cluster": 'There is no duplicate cluster "{value}".',
  "server.error.databaseHeld":
    "The database {file} is held by a running crm-kpi server at {url} (pid {pid}).",
  "server.error.databaseHeld.fix":
    "Stop that server (Ctrl+C in its terminal), or use the dashboard or the API at {url}.",
  "server.web.missing.title": "crm-kpi dashboard not built",
  "server.web.missing.body":
    "The dashboard has not been built yet. Run npm run build, then reload this page.",
  "server.serve.description": "Serve the dashboard and the HTTP API",
  "server.serve.option.port": "port to listen on",
  "server.serve.option.host": "address to listen on (other than loopback needs --auth)",
  "server.serve.option.auth": "require a token (crm-kpi tokens create) on every request",
  "server.serve.option.demo": "generate and import the demo dataset when the database does not exist",
  "server.serve.demo": "No database at {db}: generating the demo dataset…",
  "server.serve.listening": "crm-kpi serves {db} on {url}",
  "server.serve.stop": "Press Ctrl+C to stop.",
} as const;
