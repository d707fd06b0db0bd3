import type { Integration } from '../define'
import { defineBuiltInIntegration } from './define-builtin'

export const developmentIntegrations: readonly Integration[] = [
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'github',
    name: 'GitHub',
    description: 'Pushes, issues, pull requests and releases',
    category: 'development',
    capabilities: ['repositories', 'issues', 'pull-requests'],
    scopes: ['admin:repo_hook'],
    isAvailable: true,
    requiresClientId: 'GITHUB_CLIENT_ID',
    requiresClientSecret: 'GITHUB_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://docs.github.com/en/webhooks',
    delivery: 'webhook',
    signature: { scheme: 'github' },
    triggers: [
      { event: 'push', label: 'Push', providerEvent: 'push' },
      { event: 'issue_opened', label: 'Issue opened', providerEvent: 'issues.opened' },
      { event: 'pull_request_opened', label: 'Pull request opened', providerEvent: 'pull_request.opened' },
      { event: 'release_published', label: 'Release published', providerEvent: 'release.published' },
    ],
    setupSteps: [
      'Open your repository → Settings → Webhooks → Add webhook',
      'Set Payload URL to {webhookUrl} and Content type to application/json',
      'In Secret, paste the signing secret shown under Signing secret here (Reveal, then Copy)',
      'Choose the events to send, keep Active checked, and click Add webhook',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'gitlab',
    name: 'GitLab',
    description: 'Pushes, issues, merge requests and pipelines',
    category: 'development',
    capabilities: ['repositories', 'merge-requests', 'pipelines'],
    scopes: ['api'],
    isAvailable: true,
    requiresClientId: 'GITLAB_CLIENT_ID',
    requiresClientSecret: 'GITLAB_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://docs.gitlab.com/user/project/integrations/webhooks/',
    delivery: 'webhook',
    signature: { scheme: 'gitlab' },
    triggers: [
      { event: 'push', label: 'Push', providerEvent: 'Push Hook' },
      { event: 'issue_opened', label: 'Issue opened', providerEvent: 'Issue Hook (open)' },
      {
        event: 'merge_request_opened',
        label: 'Merge request opened',
        providerEvent: 'Merge Request Hook (open)',
      },
      { event: 'pipeline_finished', label: 'Pipeline finished', providerEvent: 'Pipeline Hook' },
    ],
    setupSteps: [
      'Open your project → Settings → Webhooks → Add new webhook',
      'Set URL to {webhookUrl}; in Secret token, paste the signing secret shown under Signing secret here',
      'Select the triggers (Push, Issues, Merge request, Pipeline events) and click Add webhook',
    ],
  }),
]
