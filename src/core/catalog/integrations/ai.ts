import type { Integration } from '../define'
import { defineBuiltInIntegration } from './define-builtin'

// Internal triggers have no outside provider, so no provider documentation (docsUrl) either.
export const aiIntegrations: readonly Integration[] = [
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'ai',
    name: 'AI Agent',
    description: 'Runs of an AI agent in your workflows',
    category: 'ai',
    capabilities: ['agents', 'tools'],
    scopes: [],
    isAvailable: true,
    authType: 'none',
    delivery: 'internal',
    signature: { scheme: 'standard-webhooks' },
    triggers: [
      { event: 'agent_completed', label: 'Agent finished' },
      { event: 'agent_failed', label: 'Agent failed' },
    ],
    setupSteps: [
      'Open the workflow in the editor and add an AI Agent trigger',
      'Pick the agent and the event: Agent finished or Agent failed',
      'Save and activate the workflow; no outside setup is needed',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'logic',
    name: 'Logic & Control',
    description: 'Schedules, manual runs and conditions',
    category: 'ai',
    capabilities: ['schedules', 'conditions'],
    scopes: [],
    isAvailable: true,
    authType: 'none',
    delivery: 'internal',
    signature: { scheme: 'standard-webhooks' },
    triggers: [
      { event: 'schedule', label: 'On a schedule' },
      { event: 'manual', label: 'Manual run' },
      { event: 'condition_met', label: 'Condition met' },
    ],
    setupSteps: [
      'Open the workflow in the editor and add a Logic & Control trigger',
      'Pick On a schedule, Manual run or Condition met and set its options',
      'Save and activate the workflow; no outside setup is needed',
    ],
  }),
]
