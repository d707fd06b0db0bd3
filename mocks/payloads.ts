import type { Integration, IntegrationTrigger } from 'integration-webhooks/core'
import { iso } from './options'
import type { Random } from './random'

/** The body and request headers of one sample delivery, shaped like the provider really sends them. */
export interface SampleDelivery {
  readonly payload: unknown
  /** `null` for events from inside the product (no HTTP request). */
  readonly headers: Record<string, string> | null
}

interface Context {
  readonly event: string
  readonly providerEvent: string
  readonly rng: Random
  readonly atMs: number
  readonly at: string
  readonly unix: number
}

type Builder = (context: Context) => SampleDelivery

const people = [
  { name: 'Ada Lovelace', login: 'ada', email: 'ada@acme.dev' },
  { name: 'Grace Hopper', login: 'grace-h', email: 'grace@acme.dev' },
  { name: 'Linus Okafor', login: 'lokafor', email: 'linus.okafor@acme.dev' },
  { name: 'Mei Tanaka', login: 'mtanaka', email: 'mei.tanaka@acme.dev' },
  { name: 'Sofia Ríos', login: 'srios', email: 'sofia.rios@acme.dev' },
] as const
const repositories = ['acme/web', 'acme/api', 'acme/mobile', 'acme/infra'] as const
const commitMessages = [
  'Fix race in webhook retry queue',
  'Add pagination to executions endpoint',
  'Bump zod to 4.6.7',
  'Refactor signature verification',
  'Update onboarding copy',
  'Handle empty Pub/Sub messages',
] as const
const products = [
  { title: 'Trail Runner 2', sku: 'TR2-42-BLK', price: '129.00' },
  { title: 'Merino Crew Socks', sku: 'MCS-M-GRY', price: '18.50' },
  { title: 'Waterproof Shell', sku: 'WS-L-NVY', price: '240.00' },
] as const
const channels = ['C04QX7L2B9A', 'C05HJ2K8DMF', 'C03LS9PQ1ZT'] as const
const slackMessages = [
  'Deploy to production finished :rocket:',
  'Can someone review the invoice export PR?',
  'Customer reported a failed payment, looking into it',
] as const

const hmacHex = (rng: Random) => rng.hex(64)
/** A numeric id too long for a JS number (Discord, X and LinkedIn ids), as the string they send. */
const snowflake = (rng: Random, digits = 18) => {
  let id = String(rng.int(1, 9))
  while (id.length < digits) id += String(rng.int(0, 9))
  return id
}
const json = { 'content-type': 'application/json' }

function githubRepository(rng: Random) {
  const fullName = rng.pick(repositories)
  return {
    id: rng.int(100_000_000, 999_999_999),
    name: fullName.split('/')[1],
    full_name: fullName,
    private: true,
    html_url: `https://github.com/${fullName}`,
    default_branch: 'main',
  }
}

const github: Builder = ({ event, providerEvent, rng, at }) => {
  const person = rng.pick(people)
  const repository = githubRepository(rng)
  const sender = { login: person.login, id: rng.int(1_000_000, 99_999_999), type: 'User' }
  let payload: unknown
  if (event === 'push') {
    const commits = Array.from({ length: rng.int(1, 3) }, () => {
      const id = rng.hex(40)
      return {
        id,
        message: rng.pick(commitMessages),
        timestamp: at,
        url: `${repository.html_url}/commit/${id}`,
        author: { name: person.name, email: person.email, username: person.login },
        added: [],
        removed: [],
        modified: ['src/server/handler.ts'],
      }
    })
    payload = {
      ref: 'refs/heads/main',
      before: rng.hex(40),
      after: commits.at(-1)?.id,
      repository,
      pusher: { name: person.login, email: person.email },
      sender,
      commits,
      head_commit: commits.at(-1),
    }
  } else if (event === 'issue_opened') {
    const number = rng.int(100, 2400)
    payload = {
      action: 'opened',
      issue: {
        number,
        title: 'Webhook deliveries show the wrong timezone',
        state: 'open',
        html_url: `${repository.html_url}/issues/${number}`,
        user: sender,
        labels: [{ name: 'bug' }],
      },
      repository,
      sender,
    }
  } else if (event === 'pull_request_opened') {
    const number = rng.int(100, 2400)
    payload = {
      action: 'opened',
      number,
      pull_request: {
        number,
        title: rng.pick(commitMessages),
        state: 'open',
        draft: false,
        html_url: `${repository.html_url}/pull/${number}`,
        head: { ref: `feature/${rng.alphanumeric(6).toLowerCase()}`, sha: rng.hex(40) },
        base: { ref: 'main' },
        user: sender,
      },
      repository,
      sender,
    }
  } else {
    const tag = `v${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}`
    payload = {
      action: 'published',
      release: {
        tag_name: tag,
        name: tag,
        draft: false,
        prerelease: false,
        html_url: `${repository.html_url}/releases/tag/${tag}`,
      },
      repository,
      sender,
    }
  }
  return {
    payload,
    headers: {
      ...json,
      'user-agent': `GitHub-Hookshot/${rng.hex(7)}`,
      'x-github-event': providerEvent.split('.')[0] ?? 'push',
      'x-github-delivery': rng.uuid(),
      'x-github-hook-id': String(rng.int(400_000_000, 499_999_999)),
      'x-hub-signature-256': `sha256=${hmacHex(rng)}`,
    },
  }
}

const gitlab: Builder = ({ event, providerEvent, rng, at }) => {
  const person = rng.pick(people)
  const path = rng.pick(repositories)
  const project = {
    id: rng.int(10_000_000, 60_000_000),
    name: path.split('/')[1],
    path_with_namespace: path,
    web_url: `https://gitlab.com/${path}`,
    default_branch: 'main',
  }
  const user = { id: rng.int(1_000_000, 9_999_999), name: person.name, username: person.login }
  let payload: unknown
  if (event === 'push') {
    const id = rng.hex(40)
    payload = {
      object_kind: 'push',
      event_name: 'push',
      before: rng.hex(40),
      after: id,
      ref: 'refs/heads/main',
      user_name: person.name,
      user_username: person.login,
      project,
      commits: [{ id, message: rng.pick(commitMessages), timestamp: at, author: { name: person.name } }],
      total_commits_count: 1,
    }
  } else if (event === 'issue_opened') {
    const iid = rng.int(10, 900)
    payload = {
      object_kind: 'issue',
      user,
      project,
      object_attributes: {
        iid,
        title: 'Executions page is slow',
        state: 'opened',
        action: 'open',
        url: `${project.web_url}/-/issues/${iid}`,
      },
    }
  } else if (event === 'merge_request_opened') {
    const iid = rng.int(10, 900)
    payload = {
      object_kind: 'merge_request',
      user,
      project,
      object_attributes: {
        iid,
        title: rng.pick(commitMessages),
        source_branch: `feature/${rng.alphanumeric(6).toLowerCase()}`,
        target_branch: 'main',
        state: 'opened',
        action: 'open',
        url: `${project.web_url}/-/merge_requests/${iid}`,
      },
    }
  } else {
    payload = {
      object_kind: 'pipeline',
      user,
      project,
      object_attributes: { id: rng.int(1_000_000_000, 1_999_999_999), ref: 'main', status: 'success', duration: 412 },
    }
  }
  return {
    payload,
    headers: {
      ...json,
      'user-agent': 'GitLab/18.6.0',
      'x-gitlab-event': providerEvent.replace(/ \(.*\)$/, ''),
      'x-gitlab-event-uuid': rng.uuid(),
      'x-gitlab-instance': 'https://gitlab.com',
      'x-gitlab-webhook-uuid': rng.uuid(),
    },
  }
}

const stripe: Builder = ({ providerEvent, rng, unix }) => {
  const customer = `cus_${rng.alphanumeric(14)}`
  const amount = rng.pick([1900, 4900, 9900, 24_000])
  let object: Record<string, unknown>
  if (providerEvent === 'invoice.paid') {
    const id = `in_${rng.alphanumeric(24)}`
    object = {
      id,
      object: 'invoice',
      amount_due: amount,
      amount_paid: amount,
      amount_remaining: 0,
      currency: 'usd',
      customer,
      customer_email: rng.pick(people).email,
      number: `ACME-${rng.int(1000, 9999)}`,
      status: 'paid',
      hosted_invoice_url: `https://invoice.stripe.com/i/acct_1Nq${rng.alphanumeric(10)}/test_${rng.alphanumeric(20)}`,
      lines: { object: 'list', data: [{ description: '1 × Pro plan (at $49.00 / month)', amount }] },
    }
  } else if (providerEvent === 'customer.subscription.deleted') {
    object = {
      id: `sub_${rng.alphanumeric(24)}`,
      object: 'subscription',
      customer,
      status: 'canceled',
      canceled_at: unix,
      cancellation_details: { reason: 'cancellation_requested' },
    }
  } else {
    object = {
      id: `pi_${rng.alphanumeric(24)}`,
      object: 'payment_intent',
      amount,
      amount_received: amount,
      currency: 'usd',
      customer,
      status: 'succeeded',
      payment_method_types: ['card'],
    }
  }
  return {
    payload: {
      id: `evt_${rng.alphanumeric(24)}`,
      object: 'event',
      api_version: '2025-10-29.clover',
      created: unix,
      type: providerEvent,
      livemode: false,
      pending_webhooks: 1,
      request: { id: `req_${rng.alphanumeric(14)}`, idempotency_key: rng.uuid() },
      data: { object },
    },
    headers: {
      ...json,
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'stripe-signature': `t=${unix},v1=${hmacHex(rng)}`,
    },
  }
}

const paypal: Builder = ({ providerEvent, rng, at }) => ({
  payload: {
    id: `WH-${rng.alphanumeric(17).toUpperCase()}`,
    event_version: '1.0',
    create_time: at,
    resource_type: providerEvent.startsWith('CUSTOMER.DISPUTE')
      ? 'dispute'
      : providerEvent.endsWith('REFUNDED')
        ? 'refund'
        : 'capture',
    event_type: providerEvent,
    summary: providerEvent.startsWith('CUSTOMER.DISPUTE')
      ? 'A new dispute opened with Case # PP-D-27803'
      : `Payment ${providerEvent.endsWith('REFUNDED') ? 'refunded' : 'completed'} for $ 49.0 USD`,
    resource: {
      id: rng.alphanumeric(17).toUpperCase(),
      amount: { currency_code: 'USD', value: '49.00' },
      status: providerEvent.startsWith('CUSTOMER.DISPUTE') ? 'WAITING_FOR_SELLER_RESPONSE' : 'COMPLETED',
      create_time: at,
    },
  },
  headers: {
    ...json,
    'paypal-auth-algo': 'SHA256withRSA',
    'paypal-cert-url': 'https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
    'paypal-transmission-id': rng.uuid(),
    'paypal-transmission-sig': btoa(rng.alphanumeric(96)),
    'paypal-transmission-time': at,
  },
})

const shopify: Builder = ({ event, providerEvent, rng, at }) => {
  const person = rng.pick(people)
  const [first = '', last = ''] = person.name.split(' ')
  const id = rng.int(5_000_000_000_000, 5_999_999_999_999)
  const customer = {
    id: rng.int(7_000_000_000_000, 7_999_999_999_999),
    email: person.email,
    first_name: first,
    last_name: last,
  }
  let payload: unknown
  if (event === 'order_created') {
    const items = Array.from({ length: rng.int(1, 3) }, () => {
      const product = rng.pick(products)
      return {
        id: rng.int(13_000_000_000_000, 13_999_999_999_999),
        title: product.title,
        sku: product.sku,
        quantity: rng.int(1, 2),
        price: product.price,
      }
    })
    const total = items.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0)
    payload = {
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${rng.int(1001, 1999)}`,
      email: person.email,
      created_at: at,
      currency: 'USD',
      total_price: total.toFixed(2),
      financial_status: 'paid',
      fulfillment_status: null,
      line_items: items,
      customer,
    }
  } else if (event === 'customer_created') {
    payload = {
      ...customer,
      admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`,
      created_at: at,
      orders_count: 0,
    }
  } else {
    const product = rng.pick(products)
    payload = {
      id,
      admin_graphql_api_id: `gid://shopify/Product/${id}`,
      title: product.title,
      status: 'active',
      updated_at: at,
      variants: [{ sku: product.sku, price: product.price, inventory_quantity: rng.int(0, 80) }],
    }
  }
  return {
    payload,
    headers: {
      ...json,
      'x-shopify-topic': providerEvent,
      'x-shopify-hmac-sha256': btoa(rng.alphanumeric(32)),
      'x-shopify-shop-domain': 'acme-outdoor.myshopify.com',
      'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': rng.uuid(),
      'x-shopify-event-id': rng.uuid(),
      'x-shopify-triggered-at': at,
    },
  }
}

const hubspot: Builder = ({ providerEvent, rng, atMs, unix }) => ({
  payload: [
    {
      eventId: rng.int(100_000_000, 999_999_999),
      subscriptionId: rng.int(1_000_000, 9_999_999),
      portalId: 24_681_357,
      appId: 3_141_592,
      occurredAt: atMs,
      subscriptionType: providerEvent,
      attemptNumber: 0,
      objectId: rng.int(10_000_000_000, 99_999_999_999),
      changeSource: 'CRM_UI',
      ...(providerEvent === 'contact.propertyChange'
        ? { propertyName: 'lifecyclestage', propertyValue: 'customer' }
        : {}),
    },
  ],
  headers: {
    ...json,
    'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/)',
    'x-hubspot-request-timestamp': String(unix * 1000),
    'x-hubspot-signature-v3': btoa(rng.alphanumeric(32)),
  },
})

const slack: Builder = ({ event, providerEvent, rng, unix }) => {
  const ts = `${unix}.${rng.int(100_000, 999_999)}`
  const channel = rng.pick(channels)
  const user = `U0${rng.alphanumeric(9).toUpperCase()}`
  const inner =
    event === 'new_message'
      ? { type: 'message', channel, user, text: rng.pick(slackMessages), ts, channel_type: 'channel', event_ts: ts }
      : event === 'reaction_added'
        ? {
            type: 'reaction_added',
            user,
            reaction: 'white_check_mark',
            item: { type: 'message', channel, ts },
            event_ts: ts,
          }
        : { type: providerEvent, user, channel, channel_type: 'C', team: 'T024BE7LD', event_ts: ts }
  return {
    payload: {
      token: rng.alphanumeric(24),
      team_id: 'T024BE7LD',
      api_app_id: 'A07N1KX2ZPQ',
      event: inner,
      type: 'event_callback',
      event_id: `Ev0${rng.alphanumeric(9).toUpperCase()}`,
      event_time: unix,
      authorizations: [{ team_id: 'T024BE7LD', user_id: 'U07BOT00001', is_bot: true }],
    },
    headers: {
      ...json,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(unix),
      'x-slack-signature': `v0=${hmacHex(rng)}`,
    },
  }
}

const discord: Builder = ({ event, rng, at, unix }) => {
  const person = rng.pick(people)
  const user = { id: snowflake(rng), username: person.login }
  const payload =
    event === 'slash_command'
      ? {
          type: 2,
          id: snowflake(rng),
          application_id: '1187342209614913536',
          guild_id: '1042918467129348096',
          channel_id: snowflake(rng),
          data: { name: 'deploy', type: 1, options: [{ name: 'environment', type: 3, value: 'staging' }] },
          member: { user, roles: [] },
          token: rng.alphanumeric(48),
          version: 1,
        }
      : {
          version: 1,
          application_id: '1187342209614913536',
          type: 1,
          event: {
            type: 'APPLICATION_AUTHORIZED',
            timestamp: at,
            data: { integration_type: 0, scopes: ['applications.commands', 'bot'], user },
          },
        }
  return {
    payload,
    headers: {
      ...json,
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'x-signature-ed25519': rng.hex(128),
      'x-signature-timestamp': String(unix),
    },
  }
}

const gmail: Builder = ({ rng, at }) => {
  const notification = { emailAddress: 'ops@acme.dev', historyId: rng.int(9_000_000, 9_999_999) }
  const messageId = String(rng.int(10_000_000_000_000, 19_999_999_999_999))
  return {
    payload: {
      message: {
        data: btoa(JSON.stringify(notification)),
        messageId,
        message_id: messageId,
        publishTime: at,
        publish_time: at,
        attributes: {},
      },
      subscription: 'projects/acme-prod/subscriptions/gmail-push',
    },
    headers: {
      ...json,
      'user-agent': 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)',
      authorization: `Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjE${rng.alphanumeric(40)}`,
    },
  }
}

/** Google `watch` channels (Calendar, Drive, Sheets, Docs) send no body: everything is in the headers. */
function googleWatch(resource: string): Builder {
  return ({ providerEvent, rng }) => ({
    payload: null,
    headers: {
      'content-length': '0',
      'user-agent': 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)',
      'x-goog-channel-id': rng.uuid(),
      'x-goog-channel-expiration': 'Fri, 27 Nov 2026 12:00:00 GMT',
      'x-goog-channel-token': `target=${resource}`,
      'x-goog-message-number': String(rng.int(2, 90_000)),
      'x-goog-resource-id': rng.alphanumeric(27),
      'x-goog-resource-state': providerEvent.split(' ')[0] ?? 'exists',
      'x-goog-resource-uri': `https://www.googleapis.com/${resource}?alt=json`,
      ...(providerEvent.includes('(') ? { 'x-goog-changed': providerEvent.replace(/^.*\((.*)\)$/, '$1') } : {}),
    },
  })
}

function microsoftGraph(resource: string, odataType: string): Builder {
  return ({ providerEvent, rng, atMs }) => {
    const id = `AAMkAG${rng.alphanumeric(30)}`
    return {
      payload: {
        value: [
          {
            subscriptionId: rng.uuid(),
            subscriptionExpirationDateTime: iso(atMs + 2 * 24 * 3_600_000),
            changeType: providerEvent.split(' ')[1] ?? 'created',
            resource: `${resource}/${id}`,
            resourceData: { '@odata.type': odataType, '@odata.id': `${resource}/${id}`, id },
            clientState: 'acme-graph-subscription',
            tenantId: 'b5c1d4e2-7f3a-4c8b-9d0e-1a2b3c4d5e6f',
          },
        ],
      },
      headers: { 'content-type': 'application/json; charset=utf-8', 'client-request-id': rng.uuid() },
    }
  }
}

const metaEntry = (object: string, field: string): Builder => {
  return ({ event, rng, unix }) => {
    const id = String(rng.int(100_000_000_000_000, 199_999_999_999_999))
    const entry =
      event === 'new_message'
        ? {
            id,
            time: unix * 1000,
            messaging: [
              {
                sender: { id: String(rng.int(1e15, 9e15)) },
                recipient: { id },
                timestamp: unix * 1000,
                message: { mid: `m_${rng.alphanumeric(40)}`, text: 'Hi! Is the Trail Runner 2 back in stock?' },
              },
            ],
          }
        : {
            id,
            time: unix,
            changes: [
              {
                field: event === 'mention' ? 'mention' : field,
                value: { item: 'comment', verb: 'add', message: 'Love the new colours 😍', created_time: unix },
              },
            ],
          }
    return {
      payload: { object, entry: [entry] },
      headers: { ...json, 'x-hub-signature-256': `sha256=${hmacHex(rng)}`, 'user-agent': 'facebookexternalua' },
    }
  }
}

const twitter: Builder = ({ event, rng, at }) => {
  const user = { id_str: String(rng.int(1e9, 9e9)), screen_name: 'acme_support', name: 'Acme Support' }
  const key =
    event === 'new_post' ? 'tweet_create_events' : event === 'new_follower' ? 'follow_events' : 'direct_message_events'
  const item =
    event === 'new_post'
      ? {
          id_str: snowflake(rng, 19),
          text: '@acme_support my order has not shipped yet',
          created_at: at,
          user,
        }
      : event === 'new_follower'
        ? { type: 'follow', created_timestamp: String(Date.parse(at)), source: user, target: { id_str: '1580000000' } }
        : {
            type: 'message_create',
            id: snowflake(rng, 19),
            message_create: { message_data: { text: 'Thanks!' } },
          }
  return {
    payload: { for_user_id: '1580000000', [key]: [item] },
    headers: { ...json, 'x-twitter-webhooks-signature': `sha256=${btoa(rng.alphanumeric(32))}` },
  }
}

const youtube: Builder = ({ rng, at }) => {
  const videoId = rng.alphanumeric(11)
  const title = rng.pick(['Release notes: November', 'Building a webhook dashboard', 'Q&A with the team'])
  return {
    // PubSubHubbub pushes an Atom feed, not JSON.
    payload: `<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom"><entry><id>yt:video:${videoId}</id><yt:videoId>${videoId}</yt:videoId><yt:channelId>UCx8nO1pGbXKq2zXjA3t9f7w</yt:channelId><title>${title}</title><link rel="alternate" href="https://www.youtube.com/watch?v=${videoId}"/><published>${at}</published><updated>${at}</updated></entry></feed>`,
    headers: {
      'content-type': 'application/atom+xml',
      link: '<https://pubsubhubbub.appspot.com>; rel=hub',
      'x-hub-signature': `sha1=${rng.hex(40)}`,
    },
  }
}

const builders: Record<string, Builder> = {
  gmail,
  slack,
  discord,
  teams: microsoftGraph("teams('b2c8e1f0')/channels('19:general')/messages", '#Microsoft.Graph.chatMessage'),
  'microsoft-outlook': microsoftGraph('Users/3f1c9a2b/Messages', '#Microsoft.Graph.Message'),
  'google-calendar': googleWatch('calendar/v3/calendars/primary/events'),
  'google-sheets': googleWatch('drive/v3/files/1AbCdEfGhIjKlMnOpQrStUvWxYz'),
  'google-drive': googleWatch('drive/v3/changes'),
  'google-docs': googleWatch('drive/v3/files/1ZyXwVuTsRqPoNmLkJiHgFeDcBa'),
  notion: ({ providerEvent, rng, at }) => ({
    payload: {
      id: rng.uuid(),
      timestamp: at,
      workspace_id: rng.uuid(),
      workspace_name: 'Acme HQ',
      subscription_id: rng.uuid(),
      integration_id: rng.uuid(),
      type: providerEvent,
      authors: [{ id: rng.uuid(), type: 'person' }],
      attempt_number: 1,
      entity: { id: rng.uuid(), type: providerEvent.startsWith('comment') ? 'comment' : 'page' },
      data: { parent: { id: rng.uuid(), type: 'database' } },
    },
    headers: { ...json, 'user-agent': 'notion-api', 'x-notion-signature': `sha256=${hmacHex(rng)}` },
  }),
  trello: ({ providerEvent, rng, at }) => {
    const person = rng.pick(people)
    const board = { id: rng.hex(24), name: 'Product roadmap', shortLink: rng.alphanumeric(8) }
    return {
      payload: {
        model: { id: board.id, name: board.name },
        action: {
          id: rng.hex(24),
          idMemberCreator: rng.hex(24),
          type: providerEvent,
          date: at,
          data: {
            card: {
              id: rng.hex(24),
              name: 'Webhook retries UI',
              idShort: rng.int(10, 400),
              shortLink: rng.alphanumeric(8),
            },
            list: { id: rng.hex(24), name: 'In progress' },
            board,
            ...(providerEvent === 'commentCard' ? { text: 'Looks good, shipping it tomorrow.' } : {}),
          },
          memberCreator: { id: rng.hex(24), username: person.login, fullName: person.name },
        },
      },
      headers: { ...json, 'x-trello-webhook': btoa(rng.alphanumeric(20)) },
    }
  },
  twitter,
  facebook: metaEntry('page', 'feed'),
  instagram: metaEntry('instagram', 'comments'),
  tiktok: ({ providerEvent, rng, unix }) => ({
    payload: {
      client_key: `aw${rng.alphanumeric(14).toLowerCase()}`,
      event: providerEvent,
      create_time: unix,
      user_openid: `-000${rng.alphanumeric(28)}`,
      content: JSON.stringify({ publish_id: `v_pub_url~v2.${snowflake(rng)}`, publish_type: 'DIRECT_PUBLISH' }),
    },
    headers: { ...json, 'tiktok-signature': `t=${unix},s=${hmacHex(rng)}` },
  }),
  linkedin: ({ providerEvent, rng, atMs }) => ({
    payload: {
      type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
      notifications: [
        {
          action: providerEvent,
          organizationalEntity: 'urn:li:organization:2414183',
          sourcePost: `urn:li:share:${snowflake(rng, 19)}`,
          lastModifiedAt: atMs,
        },
      ],
    },
    headers: { ...json, 'x-li-signature': hmacHex(rng) },
  }),
  youtube,
  github,
  gitlab,
  hubspot,
  airtable: ({ rng, at }) => ({
    payload: {
      base: { id: `app${rng.alphanumeric(14)}` },
      webhook: { id: `ach${rng.alphanumeric(14)}` },
      timestamp: at,
    },
    headers: { ...json, 'x-airtable-content-mac': `hmac-sha256=${hmacHex(rng)}` },
  }),
  mailchimp: ({ providerEvent, rng, at }) => {
    const person = rng.pick(people)
    const [first = '', last = ''] = person.name.split(' ')
    return {
      // Mailchimp posts a form (type=subscribe&data[email]=…); shown here as the decoded object.
      payload: {
        type: providerEvent,
        fired_at: at.replace('T', ' ').slice(0, 19),
        data: {
          id: rng.hex(10),
          list_id: 'a6b5da1054',
          email: person.email,
          email_type: 'html',
          merges: { EMAIL: person.email, FNAME: first, LNAME: last },
        },
      },
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'MailChimp' },
    }
  },
  shopify,
  stripe,
  paypal,
  onedrive: microsoftGraph('drives/b!kL3x/root', '#Microsoft.Graph.driveItem'),
  dropbox: ({ rng }) => ({
    payload: { list_folder: { accounts: [`dbid:AA${rng.alphanumeric(30)}`] }, delta: { users: [rng.int(1e7, 9e7)] } },
    headers: { ...json, 'x-dropbox-signature': hmacHex(rng) },
  }),
  box: ({ providerEvent, rng, at }) => {
    const person = rng.pick(people)
    return {
      payload: {
        type: 'webhook_event',
        id: rng.uuid(),
        created_at: at,
        trigger: providerEvent,
        webhook: { id: String(rng.int(1e6, 9e6)), type: 'webhook' },
        created_by: { type: 'user', id: String(rng.int(1e8, 9e8)), name: person.name, login: person.email },
        source: {
          id: String(rng.int(1e12, 9e12)),
          type: 'file',
          name: rng.pick(['Q3 report.pdf', 'Contract v2.docx']),
        },
      },
      headers: {
        ...json,
        'box-delivery-id': rng.uuid(),
        'box-delivery-timestamp': at,
        'box-signature-algorithm': 'HmacSHA256',
        'box-signature-primary': btoa(rng.alphanumeric(32)),
        'box-signature-secondary': btoa(rng.alphanumeric(32)),
        'box-signature-version': '1',
      },
    }
  },
  ai: ({ event, rng, atMs }) => ({
    payload: {
      agent_id: `agt_${rng.alphanumeric(12)}`,
      run_id: `run_${rng.alphanumeric(16)}`,
      status: event === 'agent_failed' ? 'failed' : 'completed',
      started_at: iso(atMs - 42_000),
      finished_at: iso(atMs),
      ...(event === 'agent_failed'
        ? { error: { type: 'tool_error', message: 'Tool "search_orders" returned 503' } }
        : { output: { summary: 'Drafted replies to 3 support emails', actions: 3 } }),
      usage: { input_tokens: rng.int(800, 9000), output_tokens: rng.int(100, 1500) },
    },
    headers: null,
  }),
  logic: ({ event, rng, at }) => ({
    payload:
      event === 'schedule'
        ? {
            run_id: `run_${rng.alphanumeric(16)}`,
            schedule: '0 9 * * 1-5',
            timezone: 'Europe/Berlin',
            scheduled_for: at,
          }
        : event === 'manual'
          ? { run_id: `run_${rng.alphanumeric(16)}`, triggered_by: 'user_mock_1', inputs: { dry_run: false } }
          : { run_id: `run_${rng.alphanumeric(16)}`, condition: 'orders_today > 100', value: rng.int(101, 180) },
    headers: null,
  }),
}

const generic: Builder = ({ event, rng, at }) => ({
  payload: { id: rng.uuid(), type: event, created_at: at, data: {} },
  headers: { ...json, 'x-webhook-signature': `sha256=${hmacHex(rng)}` },
})

/**
 * A realistic request the provider would send for `trigger` at `atMs`:
 * a GitHub push with commits, a Stripe `invoice.paid` event, a Slack
 * `event_callback`, a Gmail Pub/Sub push with base64 data, a Shopify order, …
 */
export function sampleDelivery(
  integration: Integration,
  trigger: IntegrationTrigger | undefined,
  rng: Random,
  atMs: number,
): SampleDelivery {
  const event = trigger?.event ?? 'event'
  const context: Context = {
    event,
    providerEvent: trigger?.providerEvent ?? event,
    rng,
    atMs,
    at: iso(atMs),
    unix: Math.floor(atMs / 1000),
  }
  return (builders[integration.id] ?? generic)(context)
}
