// Next.js: one server per process, created when the route module first loads.
import { createWebhooks } from '../../webhooks'
import { getUserId } from './session'

export const { webhooks, store } = await createWebhooks({ authenticate: getUserId })
