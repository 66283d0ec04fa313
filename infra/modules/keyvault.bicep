// Key Vault in RBAC mode for router credentials (and the optional bootstrap admin key). The app identity may read
// secret values (Key Vault Secrets User); nothing here grants anyone the right to write them through the data
// plane. Secrets can be created by this deployment (initialSecrets) or later with `az keyvault secret set`.

import { tagMap, secretValues } from 'types.bicep'

param location string
param tags tagMap
param keyVaultName string

@description('Principal id of the app identity, granted Key Vault Secrets User.')
param appPrincipalId string

@description('Principal ids (users or groups) granted Key Vault Secrets Officer, to set router keys by hand.')
param secretOfficerPrincipalIds string[] = []

@description('Secret name to value, written by this deployment. Leave empty to manage values outside the pipeline.')
param initialSecrets secretValues = {}

param enablePurgeProtection bool = true

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // App Service resolves Key Vault references from the platform, not from the app's subnet; restricting the
      // vault needs the reference resolution to route through the VNet (vnetRouteAll) plus a private endpoint.
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource officers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for officerId in secretOfficerPrincipalIds: {
    name: guid(vault.id, officerId, keyVaultSecretsOfficerRoleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
      principalId: officerId
    }
  }
]

resource secrets 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [
  for secret in items(initialSecrets): {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

output keyVaultName string = vault.name
output keyVaultUri string = vault.properties.vaultUri
