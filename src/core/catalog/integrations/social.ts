import type { Integration } from '../define'
import { defineBuiltInIntegration } from './define-builtin'

export const socialIntegrations: readonly Integration[] = [
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'twitter',
    name: 'X (Twitter)',
    description: 'Posts, mentions, follows and DMs of an X account',
    category: 'social',
    capabilities: ['posts', 'direct-messages'],
    scopes: [], // Account Activity uses OAuth 1.0a app permissions, not scopes
    isAvailable: false, // Account Activity API access needs an approved application (Enterprise or Pay Per Use)
    requiresClientId: 'TWITTER_API_KEY',
    requiresClientSecret: 'TWITTER_API_SECRET',
    authType: 'oauth',
    docsUrl: 'https://docs.x.com/x-api/account-activity/introduction',
    delivery: 'webhook',
    triggers: [
      { event: 'new_post', label: 'New post or mention', providerEvent: 'tweet_create_events' },
      { event: 'new_follower', label: 'New follower', providerEvent: 'follow_events' },
      { event: 'direct_message', label: 'Direct message', providerEvent: 'direct_message_events' },
    ],
    setupSteps: [
      'In the X Developer Portal, get Account Activity API access for your app',
      'Set app permissions to Read and write and Direct message',
      'Store the API Key and Secret as TWITTER_API_KEY and TWITTER_API_SECRET',
      'The integration registers {webhookUrl} via POST /2/webhooks and subscribes your account',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'facebook',
    name: 'Facebook',
    description: 'Feed activity, messages and mentions on a Page',
    category: 'social',
    capabilities: ['pages', 'messages'],
    scopes: ['pages_manage_metadata', 'pages_read_engagement', 'pages_messaging'],
    isAvailable: true,
    requiresClientId: 'FACEBOOK_CLIENT_ID',
    requiresClientSecret: 'FACEBOOK_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://developers.facebook.com/docs/graph-api/webhooks',
    delivery: 'webhook',
    triggers: [
      { event: 'feed_changed', label: 'Feed activity', providerEvent: 'feed' },
      { event: 'new_message', label: 'New message', providerEvent: 'messages' },
      { event: 'mention', label: 'Page mentioned', providerEvent: 'mention' },
    ],
    setupSteps: [
      'In the Meta App Dashboard, open your app → Webhooks and select Page',
      'Click Subscribe to this object; set Callback URL to {webhookUrl} and a Verify token',
      'Click Verify and save, then subscribe to feed, messages and mention',
      'Store the App secret (App settings → Basic) in this integration',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'instagram',
    name: 'Instagram',
    description: 'Comments and messages on an Instagram account',
    category: 'social',
    capabilities: ['comments', 'messages'],
    scopes: [
      'instagram_business_basic', // required by Instagram Login
      'instagram_business_manage_comments',
      'instagram_business_manage_messages',
    ],
    isAvailable: true,
    requiresClientId: 'INSTAGRAM_CLIENT_ID',
    requiresClientSecret: 'INSTAGRAM_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://developers.facebook.com/docs/instagram-platform/webhooks',
    delivery: 'webhook',
    triggers: [
      { event: 'new_comment', label: 'New comment', providerEvent: 'comments' },
      { event: 'new_message', label: 'New message', providerEvent: 'messages' },
    ],
    setupSteps: [
      'In the Meta App Dashboard, open your app → Instagram → API setup with Instagram login',
      'Under Configure webhooks, set Callback URL to {webhookUrl} and a Verify token',
      'Click Verify and save, then subscribe to comments and messages',
      'Store the Instagram app secret in this integration',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'tiktok',
    name: 'TikTok',
    description: 'Publishing results of videos posted to TikTok',
    category: 'social',
    capabilities: ['videos', 'publishing'],
    scopes: ['user.info.basic', 'video.publish'],
    isAvailable: false, // the Content Posting API needs TikTok's app review
    requiresClientId: 'TIKTOK_CLIENT_KEY',
    requiresClientSecret: 'TIKTOK_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://developers.tiktok.com/doc/webhooks-overview',
    delivery: 'webhook',
    triggers: [
      { event: 'post_published', label: 'Post published', providerEvent: 'post.publish.complete' },
      { event: 'post_failed', label: 'Post failed', providerEvent: 'post.publish.failed' },
    ],
    setupSteps: [
      'At developers.tiktok.com, open Manage apps → your app',
      'Add Content Posting API and submit the app for review',
      'Under Webhooks, set Callback URL to {webhookUrl} and click Test URL',
      'Store the Client secret in this integration',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'linkedin',
    name: 'LinkedIn',
    description: 'Comments, reactions and mentions on a Page',
    category: 'social',
    capabilities: ['pages', 'comments'],
    scopes: ['rw_organization_admin'],
    isAvailable: false, // webhooks need approved Community Management API access
    requiresClientId: 'LINKEDIN_CLIENT_ID',
    requiresClientSecret: 'LINKEDIN_CLIENT_SECRET',
    authType: 'oauth',
    docsUrl: 'https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation',
    delivery: 'webhook',
    triggers: [
      { event: 'new_comment', label: 'New comment', providerEvent: 'COMMENT' },
      { event: 'new_reaction', label: 'New reaction', providerEvent: 'LIKE' },
      { event: 'mention', label: 'Page mentioned', providerEvent: 'SHARE_MENTION' },
    ],
    setupSteps: [
      'In the LinkedIn Developer Portal, request Community Management API for your app',
      'Once approved, add {webhookUrl} in the Webhooks tab',
      'Store the Client Secret in this integration, then connect a Page admin',
    ],
  }),
  /* @__PURE__ */ defineBuiltInIntegration({
    id: 'youtube',
    name: 'YouTube',
    description: 'New and updated videos on a channel',
    category: 'social',
    capabilities: ['videos', 'channels'],
    scopes: [], // the WebSub feed is public
    isAvailable: true,
    authType: 'none',
    docsUrl: 'https://developers.google.com/youtube/v3/guides/push_notifications',
    delivery: 'webhook',
    triggers: [
      { event: 'new_video', label: 'New video', providerEvent: 'Atom entry (new video)' },
      { event: 'video_updated', label: 'Video updated', providerEvent: 'Atom entry (title/description)' },
    ],
    setupSteps: [
      'Copy your channel ID from youtube.com/account_advanced',
      'At pubsubhubbub.appspot.com/subscribe, set Callback URL to {webhookUrl}',
      'Set Topic URL to https://www.youtube.com/xml/feeds/videos.xml?channel_id=<channel ID>',
      'Choose Subscribe, add an HMAC secret, click Do It!, and renew before the lease ends',
    ],
  }),
]
