// A sample event per provider (each catalog trigger's provider event, where the provider's
// notification can say which it is), shaped as the provider documents it. Values that make a
// delivery unique (event ids, timestamps) come from the context, so two test events are two
// deliveries, not a duplicate. Server-only: none of this is in the browser bundles.

/** What makes one sample delivery unique. */
export interface SampleContext {
  /** A fresh id (hex), for the provider's event id fields. */
  readonly id: string
  readonly now: Date
}

export interface SampleDefinition {
  /** The provider's event name, as the scheme's `eventName` reads it back from the request. */
  readonly eventName: string
  /** The body: JSON (an object or array), or text for providers that send XML or forms. */
  readonly body: (context: SampleContext) => unknown
  /** The body's media type when it is not JSON. */
  readonly contentType?: string
}

const seconds = (c: SampleContext) => Math.floor(c.now.getTime() / 1000)
const iso = (c: SampleContext) => c.now.toISOString()
const digits = (c: SampleContext, n: number) =>
  (BigInt(`0x${c.id.replace(/[^0-9a-f]/gi, '').slice(0, 15) || '1'}`) % 10n ** BigInt(n)).toString().padStart(n, '1')

// GitHub — https://docs.github.com/en/webhooks/webhook-events-and-payloads
const githubRepository = {
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: 'Hello-World',
  full_name: 'octocat/Hello-World',
  private: false,
  owner: { login: 'octocat', id: 1, type: 'User' },
  html_url: 'https://github.com/octocat/Hello-World',
  default_branch: 'main',
}
const octocat = { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false }

const github: SampleDefinition[] = [
  {
    eventName: 'push',
    body: (c) => ({
      ref: 'refs/heads/main',
      before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      after: `${c.id.padEnd(40, '0').slice(0, 40)}`,
      created: false,
      deleted: false,
      forced: false,
      compare: 'https://github.com/octocat/Hello-World/compare/6113728f27ae...0d1a26e67d8f',
      commits: [
        {
          id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
          message: 'Update README.md',
          timestamp: iso(c),
          author: { name: 'The Octocat', email: 'octocat@github.com', username: 'octocat' },
          added: [],
          removed: [],
          modified: ['README.md'],
        },
      ],
      head_commit: { id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c', message: 'Update README.md', timestamp: iso(c) },
      pusher: { name: 'octocat', email: 'octocat@github.com' },
      repository: githubRepository,
      sender: octocat,
    }),
  },
  {
    eventName: 'issues.opened',
    body: (c) => ({
      action: 'opened',
      issue: {
        id: Number(digits(c, 9)),
        number: 1347,
        title: 'Found a bug',
        body: "I'm having a problem with this.",
        state: 'open',
        user: octocat,
        labels: [{ id: 208045946, name: 'bug', color: 'f29513' }],
        html_url: 'https://github.com/octocat/Hello-World/issues/1347',
        created_at: iso(c),
      },
      repository: githubRepository,
      sender: octocat,
    }),
  },
  {
    eventName: 'pull_request.opened',
    body: (c) => ({
      action: 'opened',
      number: 2,
      pull_request: {
        id: Number(digits(c, 9)),
        number: 2,
        state: 'open',
        title: 'Update the README with new information',
        body: 'This is a pretty simple change that we need to pull into main.',
        user: octocat,
        head: { ref: 'changes', sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' },
        base: { ref: 'main', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e' },
        draft: false,
        html_url: 'https://github.com/octocat/Hello-World/pull/2',
        created_at: iso(c),
      },
      repository: githubRepository,
      sender: octocat,
    }),
  },
  {
    eventName: 'release.published',
    body: (c) => ({
      action: 'published',
      release: {
        id: Number(digits(c, 8)),
        tag_name: 'v1.0.0',
        name: 'v1.0.0',
        draft: false,
        prerelease: false,
        author: octocat,
        html_url: 'https://github.com/octocat/Hello-World/releases/tag/v1.0.0',
        published_at: iso(c),
      },
      repository: githubRepository,
      sender: octocat,
    }),
  },
]

// GitLab — https://docs.gitlab.com/user/project/integrations/webhook_events/
const gitlabProject = {
  id: 15,
  name: 'Diaspora',
  path_with_namespace: 'mike/diaspora',
  web_url: 'http://example.com/mike/diaspora',
  default_branch: 'master',
}
const gitlab: SampleDefinition[] = [
  {
    eventName: 'Push Hook',
    body: (c) => ({
      object_kind: 'push',
      event_name: 'push',
      before: '95790bf891e76fee5e1747ab589903a6a1f80f22',
      after: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
      ref: 'refs/heads/master',
      user_id: 4,
      user_name: 'John Smith',
      user_username: 'jsmith',
      project_id: 15,
      project: gitlabProject,
      commits: [
        {
          id: 'b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327',
          message: 'Update Catalan translation to e38cb41.',
          timestamp: iso(c),
          author: { name: 'Jordi Mallach', email: 'jordi@softcatala.org' },
          added: ['CHANGELOG'],
          modified: ['app/controller/application.rb'],
          removed: [],
        },
      ],
      total_commits_count: 1,
    }),
  },
  {
    eventName: 'Issue Hook (open)',
    body: (c) => ({
      object_kind: 'issue',
      event_type: 'issue',
      user: { id: 1, name: 'Administrator', username: 'root' },
      project: gitlabProject,
      object_attributes: {
        id: Number(digits(c, 6)),
        iid: 23,
        title: 'New API: create/update/delete file',
        description: 'Create new API for manipulations with repository',
        state: 'opened',
        action: 'open',
        created_at: iso(c),
        url: 'http://example.com/diaspora/issues/23',
      },
    }),
  },
  {
    eventName: 'Merge Request Hook (open)',
    body: (c) => ({
      object_kind: 'merge_request',
      event_type: 'merge_request',
      user: { id: 1, name: 'Administrator', username: 'root' },
      project: gitlabProject,
      object_attributes: {
        id: Number(digits(c, 6)),
        iid: 1,
        title: 'MS-Viewport',
        source_branch: 'ms-viewport',
        target_branch: 'master',
        state: 'opened',
        action: 'open',
        created_at: iso(c),
        url: 'http://example.com/diaspora/merge_requests/1',
      },
    }),
  },
  {
    eventName: 'Pipeline Hook',
    body: (c) => ({
      object_kind: 'pipeline',
      object_attributes: {
        id: Number(digits(c, 6)),
        ref: 'main',
        sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
        status: 'success',
        stages: ['build', 'test', 'deploy'],
        created_at: iso(c),
        finished_at: iso(c),
        duration: 63,
      },
      project: gitlabProject,
    }),
  },
]

// Stripe — https://docs.stripe.com/api/events/object
const stripeEvent = (c: SampleContext, type: string, object: Record<string, unknown>) => ({
  id: `evt_${c.id.slice(0, 24)}`,
  object: 'event',
  api_version: '2025-10-29.clover',
  created: seconds(c),
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: `req_${c.id.slice(0, 14)}`, idempotency_key: null },
  type,
})
const stripe: SampleDefinition[] = [
  {
    eventName: 'payment_intent.succeeded',
    body: (c) =>
      stripeEvent(c, 'payment_intent.succeeded', {
        id: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'usd',
        customer: 'cus_NffrFeUfNV2Hib',
        status: 'succeeded',
        created: seconds(c),
      }),
  },
  {
    eventName: 'invoice.paid',
    body: (c) =>
      stripeEvent(c, 'invoice.paid', {
        id: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
        object: 'invoice',
        amount_due: 999,
        amount_paid: 999,
        currency: 'usd',
        customer: 'cus_NeZwdNtLEOXuvB',
        status: 'paid',
        hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1M2JTkLkdIwHu7ix/test_YWNjdF8xTTJKVGtMa2RJd0h1N2l4',
      }),
  },
  {
    eventName: 'customer.subscription.deleted',
    body: (c) =>
      stripeEvent(c, 'customer.subscription.deleted', {
        id: 'sub_1MowQVLkdIwHu7ixeRlqHVzs',
        object: 'subscription',
        customer: 'cus_Na6dX7aXxi11N4',
        status: 'canceled',
        canceled_at: seconds(c),
      }),
  },
]

// Slack Events API — https://docs.slack.dev/apis/events-api/#callback-field
const slackCallback = (c: SampleContext, event: Record<string, unknown>) => ({
  token: 'XXYYZZ',
  team_id: 'T123ABC456',
  api_app_id: 'A123ABC456',
  event: { ...event, event_ts: `${seconds(c)}.000200` },
  type: 'event_callback',
  event_id: `Ev${c.id.slice(0, 10).toUpperCase()}`,
  event_time: seconds(c),
  authorizations: [{ team_id: 'T123ABC456', user_id: 'U123ABC456', is_bot: true }],
})
const slack: SampleDefinition[] = [
  {
    eventName: 'message.channels',
    body: (c) =>
      slackCallback(c, {
        type: 'message',
        channel: 'C123ABC456',
        user: 'U123ABC456',
        text: 'Live long and prospect.',
        ts: `${seconds(c)}.000200`,
        channel_type: 'channel',
      }),
  },
  {
    eventName: 'reaction_added',
    body: (c) =>
      slackCallback(c, {
        type: 'reaction_added',
        user: 'U123ABC456',
        reaction: 'thumbsup',
        item_user: 'U222222222',
        item: { type: 'message', channel: 'C123ABC456', ts: '1360782400.498405' },
      }),
  },
  {
    eventName: 'member_joined_channel',
    body: (c) =>
      slackCallback(c, { type: 'member_joined_channel', user: 'W123ABC456', channel: 'C123ABC456', channel_type: 'C' }),
  },
]

// Shopify — https://shopify.dev/docs/api/webhooks (orders/create, customers/create, products/update)
const shopify: SampleDefinition[] = [
  {
    eventName: 'orders/create',
    body: (c) => ({
      id: Number(digits(c, 13)),
      admin_graphql_api_id: `gid://shopify/Order/${digits(c, 13)}`,
      name: '#9999',
      email: 'jon@example.com',
      created_at: iso(c),
      currency: 'USD',
      total_price: '403.00',
      financial_status: 'paid',
      line_items: [{ id: 487817672276298560, title: 'Aviator sunglasses', quantity: 1, price: '89.99' }],
      customer: { id: 115310627314723950, email: 'john@example.com', first_name: 'John', last_name: 'Smith' },
    }),
  },
  {
    eventName: 'customers/create',
    body: (c) => ({
      id: Number(digits(c, 13)),
      email: 'bob@biller.com',
      first_name: 'Bob',
      last_name: 'Biller',
      created_at: iso(c),
      state: 'enabled',
      currency: 'USD',
    }),
  },
  {
    eventName: 'products/update',
    body: (c) => ({
      id: Number(digits(c, 13)),
      title: 'Example T-Shirt',
      vendor: 'Acme',
      product_type: 'Shirts',
      updated_at: iso(c),
      status: 'active',
      variants: [{ id: 642667041472713900, title: 'Small', price: '19.99', sku: 'example-shirt-s' }],
    }),
  },
]

// HubSpot — https://developers.hubspot.com/docs/api/webhooks#webhook-payloads (a batch)
const hubspotEvent = (c: SampleContext, subscriptionType: string, extra: Record<string, unknown> = {}) => [
  {
    eventId: Number(digits(c, 10)),
    subscriptionId: 2881778,
    portalId: 62515,
    appId: 1160452,
    occurredAt: c.now.getTime(),
    subscriptionType,
    attemptNumber: 0,
    objectId: 1246965,
    changeSource: 'CRM',
    ...extra,
  },
]
const hubspot: SampleDefinition[] = [
  { eventName: 'contact.creation', body: (c) => hubspotEvent(c, 'contact.creation') },
  {
    eventName: 'contact.propertyChange',
    body: (c) =>
      hubspotEvent(c, 'contact.propertyChange', { propertyName: 'email', propertyValue: 'sample@example.com' }),
  },
  { eventName: 'deal.creation', body: (c) => hubspotEvent(c, 'deal.creation', { objectId: 5221010 }) },
]

// Meta — https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications
const metaChange = (c: SampleContext, object: string, field: string, value: Record<string, unknown>) => ({
  object,
  entry: [{ id: '0', time: seconds(c), changes: [{ field, value }] }],
})
const metaMessage = (c: SampleContext, object: string) => ({
  object,
  entry: [
    {
      id: '0',
      time: seconds(c),
      messaging: [
        {
          sender: { id: '1254459154682919' },
          recipient: { id: '682498171943165' },
          timestamp: c.now.getTime(),
          message: { mid: `m_${c.id.slice(0, 20)}`, text: 'Hello' },
        },
      ],
    },
  ],
})
const facebook: SampleDefinition[] = [
  {
    eventName: 'feed',
    body: (c) =>
      metaChange(c, 'page', 'feed', {
        item: 'post',
        verb: 'add',
        post_id: `44444444_${digits(c, 9)}`,
        message: 'Example post content.',
        from: { id: '44444444', name: 'Example Page' },
        created_time: seconds(c),
      }),
  },
  { eventName: 'messages', body: (c) => metaMessage(c, 'page') },
  {
    eventName: 'mention',
    body: (c) => metaChange(c, 'page', 'mention', { item: 'post', verb: 'add', post_id: `44444444_${digits(c, 9)}` }),
  },
]
const instagram: SampleDefinition[] = [
  {
    eventName: 'comments',
    body: (c) =>
      metaChange(c, 'instagram', 'comments', {
        from: { id: '232323232', username: 'test' },
        media: { id: '123123123', media_product_type: 'FEED' },
        id: digits(c, 17),
        text: 'This is an example.',
      }),
  },
  { eventName: 'messages', body: (c) => metaMessage(c, 'instagram') },
]

// X (Twitter) Account Activity — https://docs.x.com/x-api/enterprise-gnip-2.0/fundamentals/account-activity
const xUser = { id_str: '2244994945', screen_name: 'XDevelopers', name: 'Developers' }
const twitter: SampleDefinition[] = [
  {
    eventName: 'tweet_create_events',
    body: (c) => ({
      for_user_id: '2244994945',
      tweet_create_events: [
        {
          created_at: c.now.toUTCString(),
          id_str: digits(c, 19),
          text: '@XDevelopers hello',
          user: { id_str: '3001969357', screen_name: 'jack' },
          entities: { user_mentions: [{ ...xUser, indices: [0, 12] }] },
        },
      ],
    }),
  },
  {
    eventName: 'follow_events',
    body: (c) => ({
      for_user_id: '2244994945',
      follow_events: [
        { type: 'follow', created_timestamp: String(c.now.getTime()), target: xUser, source: { id_str: '3001969357' } },
      ],
    }),
  },
  {
    eventName: 'direct_message_events',
    body: (c) => ({
      for_user_id: '2244994945',
      direct_message_events: [
        {
          type: 'message_create',
          id: digits(c, 19),
          created_timestamp: String(c.now.getTime()),
          message_create: {
            target: { recipient_id: '2244994945' },
            sender_id: '3001969357',
            message_data: { text: 'Hi' },
          },
        },
      ],
    }),
  },
]

// TikTok — https://developers.tiktok.com/doc/webhooks-events
const tiktokEvent = (c: SampleContext, event: string, content: Record<string, unknown>) => ({
  client_key: 'bwo2m45353a6k85',
  event,
  create_time: seconds(c),
  user_openid: `act.${c.id.slice(0, 32)}`,
  content: JSON.stringify(content),
})
const tiktok: SampleDefinition[] = [
  {
    eventName: 'post.publish.complete',
    body: (c) =>
      tiktokEvent(c, 'post.publish.complete', {
        publish_id: `v_pub_url~v2.${digits(c, 19)}`,
        publish_type: 'DIRECT_PUBLISH',
      }),
  },
  {
    eventName: 'post.publish.failed',
    body: (c) =>
      tiktokEvent(c, 'post.publish.failed', {
        publish_id: `v_pub_url~v2.${digits(c, 19)}`,
        reason: 'file_format_check_failed',
      }),
  },
]

// LinkedIn organization social action notifications
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications
const linkedinNotification = (c: SampleContext, action: string) => ({
  type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
  notifications: [
    {
      notificationId: Number(digits(c, 9)),
      organizationalEntity: 'urn:li:organization:2414183',
      action,
      sourcePost: 'urn:li:share:6820000000000000000',
      actor: 'urn:li:person:Xy1234AbCd',
      lastModifiedAt: c.now.getTime(),
    },
  ],
})
const linkedin: SampleDefinition[] = ['COMMENT', 'LIKE', 'SHARE_MENTION'].map((action) => ({
  eventName: action,
  body: (c) => linkedinNotification(c, action),
}))

// YouTube (WebSub Atom) — https://developers.google.com/youtube/v3/guides/push_notifications
const atom = (c: SampleContext, published: Date) => `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
  <link rel="hub" href="https://pubsubhubbub.appspot.com"/>
  <link rel="self" href="https://www.youtube.com/xml/feeds/videos.xml?channel_id=UC_x5XG1OV2P6uZZ5FSM9Ttw"/>
  <title>YouTube video feed</title>
  <updated>${iso(c)}</updated>
  <entry>
    <id>yt:video:${c.id.slice(0, 11)}</id>
    <yt:videoId>${c.id.slice(0, 11)}</yt:videoId>
    <yt:channelId>UC_x5XG1OV2P6uZZ5FSM9Ttw</yt:channelId>
    <title>Video title</title>
    <link rel="alternate" href="http://www.youtube.com/watch?v=${c.id.slice(0, 11)}"/>
    <author><name>Google for Developers</name><uri>http://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw</uri></author>
    <published>${published.toISOString()}</published>
    <updated>${iso(c)}</updated>
  </entry>
</feed>
`
const youtube: SampleDefinition[] = [
  { eventName: 'Atom entry (new video)', contentType: 'application/atom+xml', body: (c) => atom(c, c.now) },
  {
    eventName: 'Atom entry (title/description)',
    contentType: 'application/atom+xml',
    body: (c) => atom(c, new Date(c.now.getTime() - 30 * 86_400_000)),
  },
]

// Discord — interactions https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
// and webhook events https://discord.com/developers/docs/events/webhook-events
const discord: SampleDefinition[] = [
  {
    eventName: 'APPLICATION_COMMAND interaction',
    body: (c) => ({
      id: digits(c, 18),
      application_id: '775799577604522054',
      type: 2,
      token: `A_UNIQUE_TOKEN_${c.id.slice(0, 8)}`,
      version: 1,
      guild_id: '290926798626357999',
      channel_id: '645027906669510667',
      member: { user: { id: '53908232506183680', username: 'Mason', global_name: 'Mason' }, roles: [] },
      data: {
        id: '771825006014889984',
        name: 'blep',
        type: 1,
        options: [{ name: 'animal', type: 3, value: 'animal_dog' }],
      },
      locale: 'en-US',
    }),
  },
  {
    eventName: 'APPLICATION_AUTHORIZED',
    body: (c) => ({
      version: 1,
      application_id: '1234560123453231555',
      type: 1,
      event: {
        type: 'APPLICATION_AUTHORIZED',
        timestamp: iso(c),
        data: {
          integration_type: 0,
          scopes: ['applications.commands'],
          user: { id: '1111111111111111111', username: 'system' },
          guild: { id: '290926798626357999', name: 'Example' },
        },
      },
    }),
  },
]

// Microsoft Graph — https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#change-notification-example
const graph = (c: SampleContext, item: Record<string, unknown>) => ({
  value: [
    {
      subscriptionId: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07',
      subscriptionExpirationDateTime: new Date(c.now.getTime() + 2 * 86_400_000).toISOString(),
      clientState: 'set-by-sign',
      tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
      ...item,
    },
  ],
})
const teams: SampleDefinition[] = [
  {
    eventName: 'chatMessage created',
    body: (c) =>
      graph(c, {
        changeType: 'created',
        resource: `teams('fbe2bf47-16c8-47cf-b4a5-4b9b187c508b')/channels('19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2')/messages('${digits(c, 13)}')`,
        resourceData: { id: digits(c, 13), '@odata.type': '#Microsoft.Graph.chatMessage' },
      }),
  },
  {
    eventName: 'chatMessage created (chat)',
    body: (c) =>
      graph(c, {
        changeType: 'created',
        resource: `chats('19:8ea0e38b-efb3-4757-924a-5f94061cf8c2_97f62344-57dc-409c-88ad-c4af14158ff5@unq.gbl.spaces')/messages('${digits(c, 13)}')`,
        resourceData: { id: digits(c, 13), '@odata.type': '#Microsoft.Graph.chatMessage' },
      }),
  },
]
const outlook: SampleDefinition[] = ['created', 'updated'].map((change) => ({
  eventName: `message ${change}`,
  body: (c: SampleContext) =>
    graph(c, {
      changeType: change,
      resource: `Users/7a7a7a7a-1234-4321-abcd-0f0f0f0f0f0f/Messages/AAMkAGUw${c.id.slice(0, 12)}`,
      resourceData: {
        '@odata.type': '#Microsoft.Graph.Message',
        '@odata.id': `Users/7a7a7a7a-1234-4321-abcd-0f0f0f0f0f0f/Messages/AAMkAGUw${c.id.slice(0, 12)}`,
        id: `AAMkAGUw${c.id.slice(0, 12)}`,
      },
    }),
}))
const onedrive: SampleDefinition[] = [
  { eventName: 'driveItem updated', body: (c) => graph(c, { changeType: 'updated', resource: '/me/drive/root' }) },
]

// Google watch channels: the body is empty; the state is in the headers (see the scheme).
// https://developers.google.com/workspace/calendar/api/guides/push#understanding-the-notification-message-format
const channel = (eventName: string): SampleDefinition => ({ eventName, body: () => '', contentType: 'text/plain' })
const googleCalendar = [channel('exists')]
const googleDrive = [channel('change'), channel('trash'), channel('update (content)')]
const googleDocs = [channel('update (content)'), channel('update (permissions)')]

// Gmail through Pub/Sub push — https://developers.google.com/workspace/gmail/api/guides/push#receiving_notifications
const gmail: SampleDefinition[] = [
  {
    eventName: 'history',
    body: (c) => ({
      message: {
        data: btoa(JSON.stringify({ emailAddress: 'user@example.com', historyId: digits(c, 10) })),
        messageId: digits(c, 16),
        message_id: digits(c, 16),
        publishTime: iso(c),
        publish_time: iso(c),
      },
      subscription: 'projects/myproject/subscriptions/mysubscription',
    }),
  },
]

// Notion — https://developers.notion.com/reference/webhooks-events-delivery
const notionEvent = (
  c: SampleContext,
  type: string,
  entity: Record<string, unknown>,
  data: Record<string, unknown>,
) => ({
  id: `${c.id.slice(0, 8)}-b6f3-4c92-81e7-6a2e9659efd4`,
  timestamp: iso(c),
  workspace_id: '13950b26-c203-4f3b-b97d-93ec06319565',
  workspace_name: 'Quantify Labs',
  subscription_id: '29d75c0d-5546-4414-8459-7b7a92f1fc4b',
  integration_id: '0ef2e755-4912-8096-91c1-00376a88a5ca',
  type,
  authors: [{ id: 'c7c11cca-1d73-471d-9b6e-bdef51470190', type: 'person' }],
  accessible_by: [{ id: '556a1abf-4f08-40c6-878a-75890d2a88ba', type: 'person' }],
  attempt_number: 1,
  entity,
  data,
})
const notionPage = { id: '153104cd-477e-809d-8dc4-ff2d96ae3090', type: 'page' }
const notion: SampleDefinition[] = [
  {
    eventName: 'page.created',
    body: (c) =>
      notionEvent(c, 'page.created', notionPage, {
        parent: { id: '13950b26-c203-4f3b-b97d-93ec06319565', type: 'space' },
      }),
  },
  {
    eventName: 'page.content_updated',
    body: (c) =>
      notionEvent(c, 'page.content_updated', notionPage, {
        parent: { id: '13950b26-c203-4f3b-b97d-93ec06319565', type: 'space' },
        updated_blocks: [{ id: '153104cd-477e-80ec-a8ca-e6e31a7b7c8b', type: 'block' }],
      }),
  },
  {
    eventName: 'comment.created',
    body: (c) =>
      notionEvent(
        c,
        'comment.created',
        { id: '15a104cd-477e-80cd-b0ff-001cd0e3e1e4', type: 'comment' },
        {
          page_id: notionPage.id,
          parent: { id: notionPage.id, type: 'page' },
        },
      ),
  },
]

// Trello — https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#example-webhook-response
const trelloAction = (c: SampleContext, type: string, data: Record<string, unknown>) => ({
  model: { id: '4d5ea62fd76aa1136000000c', name: 'Trello Development' },
  action: {
    id: c.id.slice(0, 24).padEnd(24, '0'),
    idMemberCreator: '4ee7deffe582acdec80000ac',
    type,
    date: iso(c),
    data: { board: { id: '4d5ea62fd76aa1136000000c', name: 'Trello Development' }, ...data },
    memberCreator: { id: '4ee7deffe582acdec80000ac', username: 'joshuabingham', fullName: 'Joshua Bingham' },
  },
})
const trelloCard = { id: '5a6b1b3a9e3b4c5d6e7f8a9b', name: 'Webhooks guide', idShort: 42 }
const trello: SampleDefinition[] = [
  {
    eventName: 'createCard',
    body: (c) =>
      trelloAction(c, 'createCard', { card: trelloCard, list: { id: '4d5ea62fd76aa1136000000d', name: 'To Do' } }),
  },
  {
    eventName: 'updateCard',
    body: (c) => trelloAction(c, 'updateCard', { card: { ...trelloCard, closed: true }, old: { closed: false } }),
  },
  {
    eventName: 'commentCard',
    body: (c) => trelloAction(c, 'commentCard', { card: trelloCard, text: 'Looks good to me.' }),
  },
]

// Airtable: the notification only says the base changed; the payloads are listed through the API.
// https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery
const airtable: SampleDefinition[] = [
  {
    eventName: 'ping',
    body: (c) => ({ base: { id: 'appA1B2C3D4E5F6G7' }, webhook: { id: 'achW1X2Y3Z4A5B6C7' }, timestamp: iso(c) }),
  },
]

// Mailchimp (form-encoded) — https://mailchimp.com/developer/marketing/guides/sync-audience-data-webhooks/#webhook-events
const mailchimpForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const mailchimpDate = (c: SampleContext) => iso(c).replace('T', ' ').slice(0, 19)
const mailchimp: SampleDefinition[] = [
  {
    eventName: 'subscribe',
    contentType: 'application/x-www-form-urlencoded',
    body: (c) =>
      mailchimpForm({
        type: 'subscribe',
        fired_at: mailchimpDate(c),
        'data[id]': c.id.slice(0, 10),
        'data[list_id]': 'a6b5da1054',
        'data[email]': 'api@mailchimp.com',
        'data[email_type]': 'html',
        'data[merges][EMAIL]': 'api@mailchimp.com',
        'data[merges][FNAME]': 'Mailchimp',
        'data[merges][LNAME]': 'API',
        'data[ip_opt]': '10.20.10.30',
      }),
  },
  {
    eventName: 'unsubscribe',
    contentType: 'application/x-www-form-urlencoded',
    body: (c) =>
      mailchimpForm({
        type: 'unsubscribe',
        fired_at: mailchimpDate(c),
        'data[action]': 'unsub',
        'data[reason]': 'manual',
        'data[id]': c.id.slice(0, 10),
        'data[list_id]': 'a6b5da1054',
        'data[email]': 'api+unsub@mailchimp.com',
      }),
  },
  {
    eventName: 'profile',
    contentType: 'application/x-www-form-urlencoded',
    body: (c) =>
      mailchimpForm({
        type: 'profile',
        fired_at: mailchimpDate(c),
        'data[id]': c.id.slice(0, 10),
        'data[list_id]': 'a6b5da1054',
        'data[email]': 'api@mailchimp.com',
        'data[merges][FNAME]': 'Mailchimp',
      }),
  },
]

// PayPal — https://developer.paypal.com/api/rest/webhooks/event-names/
const paypalEvent = (c: SampleContext, eventType: string, summary: string, resource: Record<string, unknown>) => ({
  id: `WH-${c.id.slice(0, 17).toUpperCase()}`,
  create_time: iso(c),
  resource_type: 'capture',
  event_type: eventType,
  summary,
  resource,
  event_version: '1.0',
  resource_version: '2.0',
})
const paypal: SampleDefinition[] = [
  {
    eventName: 'PAYMENT.CAPTURE.COMPLETED',
    body: (c) =>
      paypalEvent(c, 'PAYMENT.CAPTURE.COMPLETED', 'Payment completed for $ 7.47 USD', {
        id: '42311647XV020574X',
        amount: { currency_code: 'USD', value: '7.47' },
        status: 'COMPLETED',
        final_capture: true,
      }),
  },
  {
    eventName: 'PAYMENT.CAPTURE.REFUNDED',
    body: (c) =>
      paypalEvent(c, 'PAYMENT.CAPTURE.REFUNDED', 'A $ 1.00 USD capture payment was refunded', {
        id: '1Y107995YT783435V',
        amount: { currency_code: 'USD', value: '1.00' },
        status: 'COMPLETED',
      }),
  },
  {
    eventName: 'CUSTOMER.DISPUTE.CREATED',
    body: (c) => ({
      ...paypalEvent(c, 'CUSTOMER.DISPUTE.CREATED', 'A new dispute opened with Case # PP-000-042-663-135', {
        dispute_id: 'PP-000-042-663-135',
        reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
        status: 'OPEN',
        dispute_amount: { currency_code: 'USD', value: '3.00' },
      }),
      resource_type: 'dispute',
    }),
  },
]

// Dropbox — https://www.dropbox.com/developers/reference/webhooks#notifications
const dropbox: SampleDefinition[] = [
  {
    eventName: 'list_folder',
    body: () => ({
      list_folder: { accounts: ['dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc'] },
      delta: { users: [12345678] },
    }),
  },
]

// Box — https://developer.box.com/guides/webhooks/v2/payload-v2/
const boxEvent = (c: SampleContext, trigger: string, source: Record<string, unknown>) => ({
  type: 'webhook_event',
  id: `${c.id.slice(0, 8)}-ee16-4fc5-aa65-8c2d9e5b546f`,
  created_at: iso(c).replace(/\.\d{3}Z$/, '+00:00'),
  trigger,
  webhook: { id: '1234567890', type: 'webhook' },
  created_by: { type: 'user', id: '2345678901', name: 'Aaron Levie', login: 'ceo@example.com' },
  source,
})
const boxFile = {
  id: '1234567890',
  type: 'file',
  name: 'Contract.pdf',
  parent: { id: '0', type: 'folder', name: 'All Files' },
}
const box: SampleDefinition[] = [
  { eventName: 'FILE.UPLOADED', body: (c) => boxEvent(c, 'FILE.UPLOADED', boxFile) },
  { eventName: 'FILE.TRASHED', body: (c) => boxEvent(c, 'FILE.TRASHED', { ...boxFile, item_status: 'trashed' }) },
  {
    eventName: 'COMMENT.CREATED',
    body: (c) =>
      boxEvent(c, 'COMMENT.CREATED', {
        id: '3456789012',
        type: 'comment',
        message: 'Please review.',
        item: { id: '1234567890', type: 'file' },
      }),
  },
]

// Internal events (Standard Webhooks envelope: type, timestamp, data).
const internal = (type: string, data: (c: SampleContext) => Record<string, unknown>): SampleDefinition => ({
  eventName: type,
  body: (c) => ({ type, timestamp: iso(c), data: data(c) }),
})
const ai: SampleDefinition[] = [
  internal('agent_completed', (c) => ({
    run_id: `run_${c.id.slice(0, 12)}`,
    agent: 'Research assistant',
    output: 'Summary ready.',
    duration_ms: 5230,
  })),
  internal('agent_failed', (c) => ({
    run_id: `run_${c.id.slice(0, 12)}`,
    agent: 'Research assistant',
    error: 'The model timed out.',
  })),
]
const logic: SampleDefinition[] = [
  internal('schedule', (c) => ({ schedule: '0 9 * * 1-5', scheduled_for: iso(c) })),
  internal('manual', (c) => ({ started_by: 'user_123', started_at: iso(c) })),
  internal('condition_met', (c) => ({ condition: 'orders_today > 100', value: 117, checked_at: iso(c) })),
]

/** Every provider's samples, by catalog id; the first is the entry's main trigger. */
export const sampleDefinitions: Readonly<Record<string, readonly SampleDefinition[]>> = {
  github,
  gitlab,
  stripe,
  slack,
  shopify,
  hubspot,
  facebook,
  instagram,
  twitter,
  tiktok,
  linkedin,
  youtube,
  discord,
  teams,
  'microsoft-outlook': outlook,
  onedrive,
  'google-calendar': googleCalendar,
  'google-drive': googleDrive,
  'google-sheets': googleDocs,
  'google-docs': googleDocs,
  gmail,
  notion,
  trello,
  airtable,
  mailchimp,
  paypal,
  dropbox,
  box,
  ai,
  logic,
}
