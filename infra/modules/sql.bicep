// Azure SQL logical server with Microsoft Entra-only authentication (no SQL logins exist, so there is no password to
// leak or rotate) and the app database. The server admits the app's subnet through a virtual network rule.

import { tagMap, databaseSkuSettings } from 'types.bicep'

param location string
param tags tagMap
param sqlServerName string
param databaseName string

@description('Entra principal that administers the server: its display name, object id and type.')
param administratorLogin string
param administratorObjectId string
param administratorType ('Group' | 'User' | 'Application')

param appSubnetId string

@description('Database SKU; the default is serverless General Purpose that pauses when idle.')
param databaseSku databaseSkuSettings = {
  name: 'GP_S_Gen5'
  tier: 'GeneralPurpose'
  family: 'Gen5'
  capacity: 1
}

@description('Minutes of inactivity before a serverless database pauses (-1 = never). Ignored by provisioned SKUs.')
param autoPauseDelayMinutes int = 60

var isServerless = contains(databaseSku.name, '_S_')

resource sqlServer 'Microsoft.Sql/servers@2025-01-01' = {
  name: sqlServerName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: administratorLogin
      sid: administratorObjectId
      principalType: administratorType
      tenantId: tenant().tenantId
    }
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: sqlServer
  name: databaseName
  location: location
  tags: tags
  sku: databaseSku
  properties: {
    // Auto-pause and a fractional minimum exist only for serverless SKUs (GP_S_*); provisioned SKUs reject them.
    autoPauseDelay: isServerless ? autoPauseDelayMinutes : null
    minCapacity: isServerless ? json('0.5') : null
    zoneRedundant: false
    requestedBackupStorageRedundancy: 'Local'
  }
}

resource appSubnetRule 'Microsoft.Sql/servers/virtualNetworkRules@2025-01-01' = {
  parent: sqlServer
  name: 'functions-subnet'
  properties: {
    virtualNetworkSubnetId: appSubnetId
  }
}

output serverName string = sqlServer.name
output serverFqdn string = sqlServer.properties.fullyQualifiedDomainName
output databaseName string = database.name
