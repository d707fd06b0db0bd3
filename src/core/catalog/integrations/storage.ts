import type { Integration } from '../define'
import { defineBuiltInIntegration } from './define-builtin'

export const storageIntegrations: readonly Integration[] = [
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'onedrive',
    name: 'OneDrive',
    description: 'Added, changed and deleted files in OneDrive',
    category: 'storage',
    capabilities: ['files', 'folders'],
    scopes: ['Files.Read'],
    isAvailable: true,
    requiresClientId: 'MICROSOFT_CLIENT_ID',
    requiresClientSecret: 'MICROSOFT_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://learn.microsoft.com/en-us/onedrive/developer/rest-api/concepts/using-webhooks',
    delivery: 'microsoft-graph',
    signature: { scheme: 'microsoft-graph' },
    // Graph sends only `updated` for drives; a delta query says what changed
    triggers: [
      { event: 'file_changed', label: 'File added or changed', providerEvent: 'driveItem updated' },
      { event: 'file_deleted', label: 'File deleted', providerEvent: 'driveItem updated (deleted)' },
    ],
    setupSteps: [
      'In the Microsoft Entra admin center, add an app registration',
      'Under API permissions, add Graph Files.Read',
      'Create a client secret under Certificates & secrets',
      'Connect; the integration subscribes with notificationUrl {webhookUrl}',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'dropbox',
    name: 'Dropbox',
    description: 'Added, changed and deleted files in Dropbox',
    category: 'storage',
    capabilities: ['files', 'folders'],
    scopes: ['files.metadata.read'],
    isAvailable: true,
    requiresClientId: 'DROPBOX_CLIENT_ID',
    requiresClientSecret: 'DROPBOX_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://www.dropbox.com/developers/reference/webhooks',
    delivery: 'webhook',
    signature: { scheme: 'dropbox' },
    // Notifications name only accounts; list_folder/continue gives the entries
    triggers: [
      { event: 'file_changed', label: 'File added or changed', providerEvent: 'list_folder (file)' },
      { event: 'file_deleted', label: 'File deleted', providerEvent: 'list_folder (deleted)' },
    ],
    setupSteps: [
      'At dropbox.com/developers/apps, open your app → Settings',
      'Under Webhooks, add {webhookUrl} as a Webhook URI; wait for Enabled',
      'Store the App secret in this integration',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'box',
    name: 'Box',
    description: 'Uploads, deletions and comments in a folder',
    category: 'storage',
    capabilities: ['files', 'comments'],
    scopes: ['root_readonly', 'manage_webhook'],
    isAvailable: true,
    requiresClientId: 'BOX_CLIENT_ID',
    requiresClientSecret: 'BOX_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://developer.box.com/guides/webhooks/',
    delivery: 'webhook',
    signature: { scheme: 'box' },
    triggers: [
      { event: 'file_uploaded', label: 'File uploaded', providerEvent: 'FILE.UPLOADED' },
      { event: 'file_trashed', label: 'File trashed', providerEvent: 'FILE.TRASHED' },
      { event: 'comment_created', label: 'New comment', providerEvent: 'COMMENT.CREATED' },
    ],
    setupSteps: [
      'In the Box Developer Console, open your app → Webhooks → Create webhook',
      'Set URL Address to {webhookUrl}, pick the folder and triggers, and save',
      'Under Manage signature keys, generate a primary key and store it here',
    ],
  }),
]
