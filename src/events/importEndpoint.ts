import type { Endpoint } from 'payload'

export const importCalendarEndpoint: Endpoint = { handler: async () => new Response('todo'), method: 'post', path: '/:id/import' }
