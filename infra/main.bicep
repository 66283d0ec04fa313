// NatFunctions in one resource group: a Function App on Flex Consumption with a user-assigned managed identity,
// Storage without shared keys, Azure SQL with Entra-only authentication, Key Vault for router credentials,
// Application Insights, and a VNet whose delegated subnet carries the app's traffic to the routers.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json (docs/deployment.md).

targetScope = 'resourceGroup'

import {
  routerSettings
  routerAppSettings
  keyVaultReference
  appSetting
  tagMap
  databaseSkuSettings
  secretValues
  appRoleMap
} from 'modules/types.bicep'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Lowercase letters and digits; starts every resource name (globally unique names get a hash suffix).')
@minLength(3)
@maxLength(11)
param namePrefix string

param tags tagMap = {}

@description('The routers the app manages. Their SSH private keys (privateKeySecretName) or HTTP API keys (apiKeySecretName) live in Key Vault.')
param routers routerSettings[]

@description('Entra group that administers Azure SQL (its object id). Empty: the app identity becomes the SQL admin, so it can migrate its own schema through POST /v1/admin/migrate.')
param sqlAdminGroupObjectId string = ''

@description('Display name of that group (shown as the server admin login).')
param sqlAdminGroupName string = ''

param sqlDatabaseName string = 'natfunctions'

@description('Serverless General Purpose by default; e.g. {"name":"Basic","tier":"Basic"} for a small provisioned database.')
param sqlDatabaseSku databaseSkuSettings = {
  name: 'GP_S_Gen5'
  tier: 'GeneralPurpose'
  family: 'Gen5'
  capacity: 1
}

param vnetAddressPrefix string = '10.60.0.0/16'

@description('The delegated subnet of the Function App; routers must accept SSH from this range.')
param appSubnetPrefix string = '10.60.1.0/24'

@description('NCRONTAB schedule of the reconcile timer.')
param syncSchedule string = '0 */5 * * * *'

param syncMode ('repair' | 'report') = 'repair'

@minValue(0)
param applyWaitSeconds int = 30

@description('Name of a Key Vault secret holding a bootstrap admin API key (>= 24 characters). Create the secret before naming it here: an unresolved reference would hand the app the reference text itself as the key.')
param bootstrapAdminKeySecretName string = ''

@description('Users or groups allowed to set secret values (Key Vault Secrets Officer).')
param keyVaultSecretOfficerIds string[] = []

@description('Optional secret name to value written to Key Vault by this deployment (e.g. router private keys).')
param keyVaultSecrets secretValues = {}

@description('Client id of an Entra ID app registration: turns on App Service Authentication and Auth__EntraId (docs/security.md). Empty: API keys only.')
param entraIdClientId string = ''

@description('Entra ID app role value to NatFunctions role (admin, operator or reader), e.g. {"NatFunctions.Admin": "admin"}. App role values may use letters, digits, "." and "_" (app setting names).')
param entraIdRoleMap appRoleMap = {}

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@minValue(0)
param alwaysReadyHttpInstances int = 0

var suffix = uniqueString(resourceGroup().id, namePrefix)
var names = {
  identity: '${namePrefix}-id'
  logAnalytics: '${namePrefix}-log'
  applicationInsights: '${namePrefix}-appi'
  vnet: '${namePrefix}-vnet'
  storage: take('${namePrefix}st${suffix}', 24)
  keyVault: take('${namePrefix}-kv-${suffix}', 24)
  sqlServer: '${namePrefix}-sql-${suffix}'
  plan: '${namePrefix}-plan'
  functionApp: '${namePrefix}-func-${suffix}'
}
var deploymentContainerName = 'app-package'
var leaseContainerName = 'natfunctions-leases'
var sqlAdminIsAppIdentity = empty(sqlAdminGroupObjectId)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    publisherPrincipalId: identity.properties.principalId
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    tags: tags
    vnetName: names.vnet
    vnetAddressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    leaseContainerName: leaseContainerName
    appPrincipalId: identity.properties.principalId
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    tags: tags
    sqlServerName: names.sqlServer
    databaseName: sqlDatabaseName
    databaseSku: sqlDatabaseSku
    administratorLogin: sqlAdminIsAppIdentity ? identity.name : sqlAdminGroupName
    administratorObjectId: sqlAdminIsAppIdentity ? identity.properties.principalId : sqlAdminGroupObjectId
    administratorType: sqlAdminIsAppIdentity ? 'Application' : 'Group'
    appSubnetId: network.outputs.appSubnetId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    keyVaultName: names.keyVault
    appPrincipalId: identity.properties.principalId
    secretOfficerPrincipalIds: keyVaultSecretOfficerIds
    initialSecrets: keyVaultSecrets
  }
}

var keyVaultUri = keyVault.outputs.keyVaultUri

var databaseSettings appSetting[] = [
  { name: 'Database__Provider', value: 'sqlserver' }
  {
    name: 'Database__ConnectionString'
    // "Active Directory Default" with User Id = the identity's client id: no password exists anywhere.
    value: 'Server=tcp:${sql.outputs.serverFqdn},1433;Database=${sql.outputs.databaseName};Authentication=Active Directory Default;User Id=${identity.properties.clientId};Encrypt=True;Connect Timeout=30'
  }
  // Schema changes run once per deployment (pipeline), never at every instance's cold start.
  { name: 'Database__MigrateOnStartup', value: 'false' }
]

var applicationSettings appSetting[] = [
  { name: 'Storage__BlobServiceUri', value: storage.outputs.blobServiceUri }
  { name: 'Storage__LeaseContainer', value: storage.outputs.leaseContainerName }
  { name: 'SyncSchedule', value: syncSchedule }
  { name: 'Sync__Mode', value: syncMode }
  { name: 'Apply__WaitSeconds', value: string(applyWaitSeconds) }
]

var authSettings appSetting[] = empty(bootstrapAdminKeySecretName)
  ? []
  : [
      {
        name: 'Auth__BootstrapAdminKey'
        value: keyVaultReference(keyVaultUri, bootstrapAdminKeySecretName)
      }
    ]

var entraIdSettings appSetting[] = empty(entraIdClientId)
  ? []
  : concat(
      [{ name: 'Auth__EntraId__Enabled', value: 'true' }],
      map(items(entraIdRoleMap), entry => { name: 'Auth__EntraId__RoleMap__${entry.key}', value: entry.value })
    )

var routerSettingsList appSetting[] = flatten(map(routers, router => routerAppSettings(router, keyVaultUri)))

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    planName: names.plan
    functionAppName: names.functionApp
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.storageAccountName
    deploymentContainerUri: storage.outputs.deploymentContainerUri
    appSubnetId: network.outputs.appSubnetId
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    appSettings: concat(databaseSettings, applicationSettings, authSettings, entraIdSettings, routerSettingsList)
    entraIdClientId: entraIdClientId
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
  }
}

output functionAppName string = functionApp.outputs.functionAppName
output functionAppHostName string = functionApp.outputs.defaultHostName
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output appIdentityName string = identity.name
output appIdentityClientId string = identity.properties.clientId
output keyVaultName string = keyVault.outputs.keyVaultName
output sqlServerFqdn string = sql.outputs.serverFqdn
output sqlServerName string = sql.outputs.serverName
output sqlDatabaseName string = sql.outputs.databaseName
output sqlAdminIsAppIdentity bool = sqlAdminIsAppIdentity
output storageAccountName string = storage.outputs.storageAccountName
