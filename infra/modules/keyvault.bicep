// Key Vault (RBAC) with the database password, the Redis URL and the SQL Server connection string;
// the apps read them as Key Vault references, Data Factory through its linked service.
param namePrefix string
param location string
param tags object = {}
@secure()
param postgresAdminPassword string
@secure()
@description('Connection string of the SQL Server source; empty leaves the secret to be set later.')
param sqlServerConnectionString string = ''
param runtimePrincipalId string
param bootstrapPrincipalId string
@description('Object id of whoever runs deploy.sh (reads the admin key, sets the SQL Server secret); empty for none.')
param deployerPrincipalId string = ''
param deployerPrincipalType string = 'User'

var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var secretsOfficerRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // Vault names are global, 3-24 characters.
  name: take('kv-${namePrefix}-${uniqueString(resourceGroup().id)}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource postgresPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-password'
  properties: { value: postgresAdminPassword, contentType: 'PostgreSQL administrator password' }
}

resource sqlServerSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sqlServerConnectionString)) {
  parent: vault
  name: 'sqlserver-connection-string'
  properties: { value: sqlServerConnectionString, contentType: 'SQL Server connection string (Data Factory source)' }
}

resource runtimeReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, runtimePrincipalId, secretsUserRole)
  scope: vault
  properties: { roleDefinitionId: secretsUserRole, principalId: runtimePrincipalId, principalType: 'ServicePrincipal' }
}

resource bootstrapWrites 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, bootstrapPrincipalId, secretsOfficerRole)
  scope: vault
  properties: { roleDefinitionId: secretsOfficerRole, principalId: bootstrapPrincipalId, principalType: 'ServicePrincipal' }
}

resource deployerManages 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, secretsOfficerRole)
  scope: vault
  properties: { roleDefinitionId: secretsOfficerRole, principalId: deployerPrincipalId, principalType: deployerPrincipalType }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
