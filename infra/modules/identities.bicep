// User-assigned identities that must exist before the apps do: `runtime` pulls the image and reads Key
// Vault references; `bootstrap` (the admin-key job only) may write the first admin key into the vault.
param namePrefix string
param location string
param tags object = {}
param registryName string

var acrPullRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource runtime 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}-runtime'
  location: location
  tags: tags
}

resource bootstrap 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}-bootstrap'
  location: location
  tags: tags
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource runtimeAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, runtime.id, acrPullRole)
  scope: registry
  properties: {
    roleDefinitionId: acrPullRole
    principalId: runtime.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output runtimeId string = runtime.id
output runtimePrincipalId string = runtime.properties.principalId
output bootstrapId string = bootstrap.id
output bootstrapClientId string = bootstrap.properties.clientId
output bootstrapPrincipalId string = bootstrap.properties.principalId
