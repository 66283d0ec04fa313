// Example parameters. Values that differ per environment come from environment variables so that the pipeline
// (.github/workflows/deploy.yml) can fill them from its variables; the defaults here describe a test setup.
using 'main.bicep'

param namePrefix = readEnvironmentVariable('NATFUNCTIONS_NAME_PREFIX', 'natfndev')

param tags = {
  application: 'natfunctions'
  environment: readEnvironmentVariable('NATFUNCTIONS_ENVIRONMENT', 'dev')
}

// Empty: the app identity administers SQL and the pipeline migrates through POST /v1/admin/migrate.
// Set both to an Entra group (that contains the pipeline's identity) to migrate with the idempotent script instead.
param sqlAdminGroupObjectId = readEnvironmentVariable('NATFUNCTIONS_SQL_ADMIN_GROUP_ID', '')
param sqlAdminGroupName = readEnvironmentVariable('NATFUNCTIONS_SQL_ADMIN_GROUP_NAME', '')

param vnetAddressPrefix = '10.60.0.0/16'
param appSubnetPrefix = '10.60.1.0/24'

param syncSchedule = '0 */5 * * * *'
param syncMode = 'repair'

// Create the secret first (docs/deployment.md), then name it here.
param bootstrapAdminKeySecretName = readEnvironmentVariable('NATFUNCTIONS_BOOTSTRAP_KEY_SECRET', '')

// Optional Entra ID sign-in through App Service Authentication (docs/security.md); empty: API keys only.
param entraIdClientId = readEnvironmentVariable('NATFUNCTIONS_ENTRA_CLIENT_ID', '')
param entraIdRoleMap = {
  'NatFunctions.Admin': 'admin'
  'NatFunctions.Operator': 'operator'
  'NatFunctions.Reader': 'reader'
}

param routers = [
  {
    name: 'edge1'
    host: '10.50.0.1'
    port: 22
    username: 'natfunctions'
    hostKeySha256: 'kHnvQ5ZKvYqXyDCXYPxWT0ho2JyGqUzUr2gnYSWmxcY'
    vyosVersion: '1.4'
    managedRules: '10000-19999'
    inboundInterface: 'eth0'
    dhcpSharedNetwork: 'LAN'
    dhcpSubnet: '192.168.10.0/24'
    privateKeySecretName: 'router-edge1-ssh-key'
  }
  {
    name: 'edge2'
    host: '10.50.1.1'
    username: 'natfunctions'
    hostKeySha256: 'Q1pVn0hVb3kqkY0XxR8p9m3y5sJt2c6W4bZ7dLrEoAg'
    vyosVersion: '1.5'
    managedRules: '20000-29999'
    inboundInterface: 'eth1'
    privateKeySecretName: 'router-edge2-ssh-key'
    commitConfirmMinutes: 2
  }
]
