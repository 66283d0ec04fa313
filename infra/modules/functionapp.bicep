// The Function App on a Flex Consumption (FC1) plan: .NET 10 isolated worker, user-assigned identity for
// everything (host storage, deployment package, Key Vault references, SQL, telemetry), VNet integration for the
// routers' management network, and the app's own settings.

import { appSetting, tagMap } from 'types.bicep'

param location string
param tags tagMap
param planName string
param functionAppName string

param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerUri string
param appSubnetId string
param applicationInsightsConnectionString string

@description('Settings of the app itself (database, storage, routers, ...); the host settings are added here.')
param appSettings appSetting[]

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Instances kept warm for HTTP functions (0 = scale to zero; cold starts on the first request).')
@minValue(0)
param alwaysReadyHttpInstances int = 0

@description('Client id of the Entra ID app registration that App Service Authentication validates tokens for; empty leaves App Service Authentication off.')
param entraIdClientId string = ''

@description('Token audiences accepted besides the client id itself, e.g. api://natfunctions.')
param entraIdAllowedAudiences string[] = []

var hostSettings appSetting[] = [
  // Host storage through the managed identity: no AzureWebJobsStorage connection string, no account key.
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  // Application Insights has local auth disabled, so telemetry is sent with an Entra token of this identity.
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  // DefaultAzureCredential (blob leases, SQL "Active Directory Default") picks the user-assigned identity by this.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: appSubnetId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUri
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: concat(hostSettings, appSettings)
    }
  }
}

// Deployments authenticate with Entra ID (az functionapp deploy); publishing passwords are not needed.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// App Service Authentication (Easy Auth) in front of the app: it validates Entra ID tokens and, for a valid one,
// adds X-MS-CLIENT-PRINCIPAL (removing any a client sent). Unauthenticated requests still reach the app, which
// then wants an API key; /v1/health stays anonymous. The app trusts the header only with Auth__EntraId__Enabled.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(entraIdClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraIdClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: concat([entraIdClientId, 'api://${entraIdClientId}'], entraIdAllowedAudiences)
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
