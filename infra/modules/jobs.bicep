// Manually started Container Apps jobs that deploy.sh runs after each deployment: apply the migrations,
// then create the first admin API key into Key Vault (kept on later runs). Same image as the apps.
param namePrefix string
param location string
param tags object = {}
param environmentId string
param image string
param registryLoginServer string
param runtimeIdentityId string
param bootstrapIdentityId string
param bootstrapClientId string
param keyVaultUri string
param adminKeySecretName string = 'admin-api-key'
param env array
param secrets array

var registries = [{ server: registryLoginServer, identity: runtimeIdentityId }]
var resources = { cpu: json('0.5'), memory: '1Gi' }
var manual = { parallelism: 1, replicaCompletionCount: 1 }

resource migrate 'Microsoft.App/jobs@2025-01-01' = {
  name: 'caj-${namePrefix}-migrate'
  location: location
  tags: tags
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${runtimeIdentityId}': {} } }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: { triggerType: 'Manual', replicaTimeout: 900, replicaRetryLimit: 1, manualTriggerConfig: manual, registries: registries, secrets: secrets }
    template: {
      containers: [{ name: 'migrate', image: image, command: ['node', '--import', 'tsx', 'scripts/db-migrate.ts'], env: env, resources: resources }]
    }
  }
}

resource adminKey 'Microsoft.App/jobs@2025-01-01' = {
  name: 'caj-${namePrefix}-admin-key'
  location: location
  tags: tags
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${runtimeIdentityId}': {}, '${bootstrapIdentityId}': {} } }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: { triggerType: 'Manual', replicaTimeout: 600, replicaRetryLimit: 0, manualTriggerConfig: manual, registries: registries, secrets: secrets }
    template: {
      containers: [
        {
          name: 'admin-key'
          image: image
          command: ['node', '--import', 'tsx', 'scripts/admin-key-to-vault.ts', '--vault-url', keyVaultUri, '--secret-name', adminKeySecretName, '--identity-client-id', bootstrapClientId]
          env: env
          resources: resources
        }
      ]
    }
  }
}

output migrateJobName string = migrate.name
output adminKeyJobName string = adminKey.name
