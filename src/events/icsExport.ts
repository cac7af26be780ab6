import type { Endpoint } from 'payload'

export const calendarIcsEndpoint: Endpoint = { handler: async () => new Response('todo'), method: 'get', path: '/:slug/ics' }
export const eventsIcsEndpoint: Endpoint = { handler: async () => new Response('todo'), method: 'get', path: '/ics' }
