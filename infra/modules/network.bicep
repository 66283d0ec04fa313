// The VNet the Function App joins (Flex Consumption VNet integration). Its outbound traffic leaves through this
// subnet, so the routers' management addresses must be reachable from it: peer this VNet with the router network,
// or connect it through a VPN/ExpressRoute gateway, and allow SSH from appSubnetPrefix on the routers.

import { tagMap } from 'types.bicep'

param location string
param tags tagMap
param vnetName string
param vnetAddressPrefix string
param appSubnetPrefix string

@description('Name of the delegated subnet. No NSG or route table is created: attach them where the path to the routers needs one.')
param appSubnetName string = 'snet-functions'

resource vnet 'Microsoft.Network/virtualNetworks@2025-01-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          // Flex Consumption integrates through a subnet delegated to Microsoft.App/environments.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          // Service endpoints let SQL, Storage and Key Vault admit this subnet by name rather than by public IP.
          serviceEndpoints: [
            { service: 'Microsoft.Sql' }
            { service: 'Microsoft.Storage' }
            { service: 'Microsoft.KeyVault' }
          ]
        }
      }
    ]
  }
}

output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, appSubnetName)
output vnetId string = vnet.id
