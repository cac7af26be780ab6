import type { Endpoint } from 'payload'

import { v1Endpoints } from './v1'
import { v2Endpoints } from './v2'

/**
 * python.org's own downloads API (v1 and v2), beside Payload's REST and
 * GraphQL APIs, for the clients that already speak it: the CPython release
 * tooling and the bots that read the release list.
 */
export const pythondotorgEndpoints: Endpoint[] = [...v1Endpoints, ...v2Endpoints]
