// Shared parameter types and the mapping from a router description to the app's Routers__<name>__* settings.
// Imported by main.bicep and functionapp.bicep so that both agree on one shape.

@export()
@description('One VyOS router the app manages over SSH or its HTTP API. Field meanings are those of the Routers__<name>__* settings in README.md.')
type routerSettings = {
  @description('Router name as the API uses it. In Azure app settings only letters, digits and underscores are safe in a setting name, so prefer names like "edge1".')
  @minLength(1)
  @maxLength(63)
  name: string

  @description('"ssh" (default) or "http-api" (VyOS HTTP API, decision 0025: no commit-confirm).')
  transport: ('ssh' | 'http-api')?

  @description('Management address (IP or DNS name) reached through the VNet integration.')
  host: string

  @description('Default 22 for ssh, 443 for http-api.')
  @minValue(1)
  @maxValue(65535)
  port: int?

  @description('ssh: the login user.')
  username: string?

  @description('ssh: pinned SSH host key, base64 SHA-256 as "ssh-keygen -lf" prints it (with or without the "SHA256:" prefix).')
  hostKeySha256: string?

  @description('http-api: pinned TLS certificate, SHA-256 as "openssl x509 -noout -fingerprint -sha256" prints it.')
  certificateSha256: string?

  @description('http-api: name of the Key Vault secret that holds the API key (service https api keys id X key KEY).')
  apiKeySecretName: string?

  vyosVersion: ('1.3' | '1.4' | '1.5')?

  @description('NAT rule numbers the app may own, e.g. "10000-19999".')
  managedRules: string?

  @description('DNAT inbound interface, e.g. "eth0".')
  inboundInterface: string?

  dhcpSharedNetwork: string?

  dhcpSubnet: string?

  @description('ssh: name of the Key Vault secret that holds the OpenSSH private key text for this router.')
  privateKeySecretName: string?

  @description('Ownership marker in rule descriptions and DHCP mapping names (default "nf").')
  marker: string?

  @description('0 = plain commit; N = commit-confirm N, read back, confirm.')
  @minValue(0)
  commitConfirmMinutes: int?

  saveAfterCommit: bool?
}

@export()
type appSetting = {
  name: string
  value: string
}

@export()
@description('The app settings of one router. Unset optional fields are left out so the app applies its own defaults.')
func routerAppSettings(router routerSettings, keyVaultUri string) appSetting[] =>
  filter(
    [
      { name: 'Routers__${router.name}__Transport', value: router.?transport ?? 'ssh' }
      { name: 'Routers__${router.name}__Host', value: router.host }
      {
        name: 'Routers__${router.name}__Port'
        value: string(router.?port ?? ((router.?transport ?? 'ssh') == 'http-api' ? 443 : 22))
      }
      { name: 'Routers__${router.name}__Username', value: router.?username ?? '' }
      { name: 'Routers__${router.name}__HostKeySha256', value: router.?hostKeySha256 ?? '' }
      {
        name: 'Routers__${router.name}__PrivateKey'
        value: empty(router.?privateKeySecretName ?? '')
          ? ''
          : keyVaultReference(keyVaultUri, router.?privateKeySecretName ?? '')
      }
      { name: 'Routers__${router.name}__CertificateSha256', value: router.?certificateSha256 ?? '' }
      {
        name: 'Routers__${router.name}__ApiKey'
        value: empty(router.?apiKeySecretName ?? '')
          ? ''
          : keyVaultReference(keyVaultUri, router.?apiKeySecretName ?? '')
      }
      { name: 'Routers__${router.name}__VyosVersion', value: router.?vyosVersion ?? '' }
      { name: 'Routers__${router.name}__ManagedRules', value: router.?managedRules ?? '' }
      { name: 'Routers__${router.name}__InboundInterface', value: router.?inboundInterface ?? '' }
      { name: 'Routers__${router.name}__DhcpSharedNetwork', value: router.?dhcpSharedNetwork ?? '' }
      { name: 'Routers__${router.name}__DhcpSubnet', value: router.?dhcpSubnet ?? '' }
      { name: 'Routers__${router.name}__Marker', value: router.?marker ?? '' }
      {
        name: 'Routers__${router.name}__CommitConfirmMinutes'
        value: router.?commitConfirmMinutes == null ? '' : string(router.?commitConfirmMinutes)
      }
      {
        name: 'Routers__${router.name}__SaveAfterCommit'
        value: router.?saveAfterCommit == null ? '' : toLower(string(router.?saveAfterCommit))
      }
    ],
    setting => !empty(setting.value)
  )

@export()
@description('An app setting value that App Service resolves from Key Vault (latest version of the secret) with the identity named by keyVaultReferenceIdentity.')
func keyVaultReference(keyVaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretName}/)'

@export()
@description('Resource tags.')
type tagMap = {
  *: string
}

@export()
@description('Azure SQL database SKU, e.g. {"name":"GP_S_Gen5","tier":"GeneralPurpose","family":"Gen5","capacity":1} or {"name":"Basic","tier":"Basic"}.')
type databaseSkuSettings = {
  name: string
  tier: string?
  family: string?
  capacity: int?
}

@export()
@secure()
@description('Key Vault secret name to secret value; secure, so values never appear in deployment history.')
type secretValues = {
  *: string
}

@export()
@description('Entra ID app role value to NatFunctions role.')
type appRoleMap = {
  *: ('admin' | 'operator' | 'reader')
}
