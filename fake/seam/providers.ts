// Provider keys and categories accepted by /connect_webviews/create. ACCEPTED_PROVIDERS mirrors
// the enum in @seamapi/types 1.721.0's openapi document; the contract test fails if they drift.

export const ACCEPTED_PROVIDERS = [
  'hotek',
  'dormakaba_community',
  'legic_connect',
  'akuvox',
  'august',
  'avigilon_alta',
  'brivo',
  'butterflymx',
  'schlage',
  'smartthings',
  'yale',
  'genie',
  'doorking',
  'salto',
  'salto_ks',
  'lockly',
  'ttlock',
  'linear',
  'noiseaware',
  'nuki',
  'seam_relay_admin',
  'igloo',
  'kwikset',
  'minut',
  'my_2n',
  'controlbyweb',
  'nest',
  'igloohome',
  'ecobee',
  'hubitat',
  'four_suites',
  'dormakaba_oracode',
  'pti',
  'wyze',
  'seam_passport',
  'visionline',
  'assa_abloy_credential_service',
  'tedee',
  'honeywell_resideo',
  'latch',
  'akiles',
  'assa_abloy_vostio',
  'assa_abloy_vostio_credential_service',
  'tado',
  'salto_space',
  'sensi',
  'kwikset2',
  'keynest',
  'korelock',
  'dormakaba_ambiance',
  'ultraloq',
  'yale_access',
  'hid_cm',
  'google_nest',
] as const

type ProviderKey = (typeof ACCEPTED_PROVIDERS)[number]

/**
 * The openapi enum plus `cameras` and `connectors`, which Seam's docs list (docs/seam-api.md §2). They only
 * choose a provider list, so accepting them cannot produce an object the official model rejects.
 */
export const PROVIDER_CATEGORIES = [
  'stable',
  'consumer_smartlocks',
  'beta',
  'thermostats',
  'noise_sensors',
  'access_control_systems',
  'cameras',
  'connectors',
  'internal_beta',
] as const

type ProviderCategory = (typeof PROVIDER_CATEGORIES)[number]

// A plausible, not authoritative, split: the fake only needs each category to yield a
// non-empty, stable list.
const PROVIDERS_BY_CATEGORY: Record<ProviderCategory, readonly ProviderKey[]> = {
  stable: [
    'august',
    'schlage',
    'yale',
    'smartthings',
    'nuki',
    'kwikset',
    'igloohome',
    'ttlock',
    'lockly',
    'salto_ks',
    'ecobee',
    'google_nest',
    'minut',
    'noiseaware',
    'brivo',
  ],
  consumer_smartlocks: [
    'august',
    'schlage',
    'yale',
    'nuki',
    'kwikset',
    'igloohome',
    'ttlock',
    'lockly',
    'tedee',
    'ultraloq',
  ],
  beta: ['akuvox', 'latch', 'akiles', 'korelock', 'keynest'],
  thermostats: ['ecobee', 'google_nest', 'honeywell_resideo', 'sensi', 'tado'],
  noise_sensors: ['minut', 'noiseaware'],
  access_control_systems: [
    'brivo',
    'salto_ks',
    'salto_space',
    'visionline',
    'assa_abloy_vostio',
    'avigilon_alta',
    'hid_cm',
    'dormakaba_community',
  ],
  cameras: ['google_nest', 'wyze'],
  connectors: ['hotek', 'four_suites', 'pti'],
  internal_beta: [...ACCEPTED_PROVIDERS],
}

export function providersForCategory(category: ProviderCategory): string[] {
  return [...PROVIDERS_BY_CATEGORY[category]]
}

const DISPLAY_NAMES: Record<string, string> = {
  august: 'August',
  google_nest: 'Google Nest',
  salto_ks: 'Salto KS',
  ttlock: 'TTLock',
  smartthings: 'SmartThings',
  my_2n: '2N',
}

/** `account_type_display_name` for a provider key, e.g. `salto_ks` -> `Salto KS`. */
export function providerDisplayName(provider: string): string {
  return (
    DISPLAY_NAMES[provider] ??
    provider
      .split('_')
      .filter(Boolean)
      .map((word) => word[0]?.toUpperCase() + word.slice(1))
      .join(' ')
  )
}
