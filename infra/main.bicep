// Customer matching on Azure: PostgreSQL Flexible Server (pgvector), Azure OpenAI (Entra ID), Key Vault,
// Container Apps (web, worker, jobs), Log Analytics + Application Insights, Data Factory from SQL Server.
// Deploy with infra/deploy.sh (it builds the image first); docs/deploy.md says what each part costs.
targetScope = 'resourceGroup'

@minLength(3)
@maxLength(12)
@description('Short lowercase name used in every resource name, e.g. "custmatch".')
param namePrefix string
param location string = resourceGroup().location
param tags object = {}

@description('Image reference, e.g. crxyz.azurecr.io/customer-matching:<tag> (deploy.sh builds and passes it).')
param appImage string

@allowed(['16', '17'])
param postgresVersion string = '16'
param postgresAdminLogin string = 'cmadmin'
@secure()
@description('Kept in Key Vault; deploy.sh generates one on the first run and reuses it after.')
param postgresAdminPassword string
param postgresSkuName string = 'Standard_B1ms'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'
param postgresStorageGB int = 32
@allowed(['public', 'private'])
@description('public: TLS + firewall (Azure services and allowedIpRanges); private: a virtual network, no public endpoint.')
param networkMode string = 'public'
param postgresAllowedIpRanges array = []
@description('Needs postgresSkuTier GeneralPurpose or MemoryOptimized.')
param postgresReadReplica bool = false

@allowed(['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'])
param embeddingModel string = 'text-embedding-3-small'
@allowed(['Standard', 'GlobalStandard'])
param embeddingDeploymentSku string = 'Standard'
param embeddingCapacity int = 120

param redisEnabled bool = false
param webMaxReplicas int = 3
param workerReplicas int = 1
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'
param availabilityTestLocations array = ['us-va-ash-azr']

param dataFactoryEnabled bool = true
@secure()
@description('SQL Server source for Data Factory; empty now, set the Key Vault secret later (docs/deploy.md).')
param sqlServerConnectionString string = ''
param sqlSourceView string = 'dbo.incoming_customers_export'
param sqlSourceModifiedColumn string = 'modified_at'
param sqlSourceSystem string = 'sqlserver'
@minValue(1)
param copyIntervalHours int = 1
param copyTriggerStartTime string = utcNow('yyyy-MM-ddTHH:00:00Z')

@description('Object id of the deployer, granted Key Vault Secrets Officer (deploy.sh passes it); empty for none.')
param deployerPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param deployerPrincipalType string = 'User'

var isPrivate = networkMode == 'private'
var keyVaultSecretUrl = '${keyVault.outputs.uri}secrets/'

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: { namePrefix: namePrefix, location: location, tags: tags }
}

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: { namePrefix: namePrefix, location: location, tags: tags, registryName: registry.outputs.name }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { namePrefix: namePrefix, location: location, tags: tags }
}

module network 'modules/network.bicep' = if (isPrivate) {
  name: 'network'
  params: { namePrefix: namePrefix, location: location, tags: tags }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    postgresAdminPassword: postgresAdminPassword
    sqlServerConnectionString: sqlServerConnectionString
    runtimePrincipalId: identities.outputs.runtimePrincipalId
    bootstrapPrincipalId: identities.outputs.bootstrapPrincipalId
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageGB
    networkMode: networkMode
    delegatedSubnetId: isPrivate ? network.outputs.postgresSubnetId : ''
    privateDnsZoneId: isPrivate ? network.outputs.postgresDnsZoneId : ''
    allowedIpRanges: postgresAllowedIpRanges
    readReplica: postgresReadReplica
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    embeddingModel: embeddingModel
    deploymentSku: embeddingDeploymentSku
    capacity: embeddingCapacity
  }
}

// Writes the secret redis-url, which appSecrets below refers to by name.
module redis 'modules/redis.bicep' = if (redisEnabled) {
  name: 'redis'
  params: { namePrefix: namePrefix, location: location, tags: tags, keyVaultName: keyVault.outputs.name }
}

// Every variable is one of lib/env.ts; infra/infra.test.ts checks the names and the required ones.
var appEnv = concat(
  [
    { name: 'NODE_ENV', value: 'production' }
    { name: 'POSTGRES_HOST', value: postgres.outputs.host }
    { name: 'POSTGRES_PORT', value: '5432' }
    { name: 'POSTGRES_DB', value: postgres.outputs.databaseName }
    { name: 'POSTGRES_USER', value: postgresAdminLogin }
    { name: 'POSTGRES_PASSWORD', secretRef: 'postgres-password' }
    { name: 'POSTGRES_SSLMODE', value: 'verify-full' }
    { name: 'AUTH_MODE', value: 'required' }
    { name: 'EMBEDDING_PROVIDER', value: 'azure' }
    { name: 'AZURE_OPENAI_ENDPOINT', value: openAi.outputs.endpoint }
    { name: 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT', value: openAi.outputs.embeddingDeployment }
    { name: 'SEED_DEMO_DATA', value: 'false' }
    { name: 'LOG_LEVEL', value: logLevel }
  ],
  redisEnabled ? [{ name: 'REDIS_URL', secretRef: 'redis-url' }] : []
)

// Key Vault references, read with the runtime identity; no secret value passes through the template here.
var appSecrets = concat(
  [{ name: 'postgres-password', keyVaultUrl: '${keyVaultSecretUrl}postgres-password', identity: identities.outputs.runtimeId }],
  redisEnabled ? [{ name: 'redis-url', keyVaultUrl: '${keyVaultSecretUrl}redis-url', identity: identities.outputs.runtimeId }] : []
)

module apps 'modules/apps.bicep' = {
  name: 'apps'
  dependsOn: [redis]
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    image: appImage
    registryLoginServer: registry.outputs.loginServer
    runtimeIdentityId: identities.outputs.runtimeId
    workspaceName: monitoring.outputs.workspaceName
    openAiName: openAi.outputs.name
    env: appEnv
    secrets: appSecrets
    networkMode: networkMode
    appsSubnetId: isPrivate ? network.outputs.appsSubnetId : ''
    webMaxReplicas: webMaxReplicas
    workerReplicas: workerReplicas
  }
}

module jobs 'modules/jobs.bicep' = {
  name: 'jobs'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    environmentId: apps.outputs.environmentId
    image: appImage
    registryLoginServer: registry.outputs.loginServer
    runtimeIdentityId: identities.outputs.runtimeId
    bootstrapIdentityId: identities.outputs.bootstrapId
    bootstrapClientId: identities.outputs.bootstrapClientId
    keyVaultUri: keyVault.outputs.uri
    env: appEnv
    secrets: appSecrets
  }
}

module availability 'modules/availability.bicep' = {
  name: 'availability'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    appInsightsId: monitoring.outputs.appInsightsId
    healthUrl: '${apps.outputs.webUrl}/api/v1/health'
    locations: availabilityTestLocations
  }
}

module dataFactory 'modules/datafactory.bicep' = if (dataFactoryEnabled) {
  name: 'datafactory'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    keyVaultName: keyVault.outputs.name
    keyVaultUri: keyVault.outputs.uri
    postgresHost: postgres.outputs.host
    postgresDatabase: postgres.outputs.databaseName
    postgresUser: postgresAdminLogin
    networkMode: networkMode
    sqlSourceView: sqlSourceView
    sqlSourceModifiedColumn: sqlSourceModifiedColumn
    sourceSystem: sqlSourceSystem
    copyIntervalHours: copyIntervalHours
    triggerStartTime: copyTriggerStartTime
  }
}

output appUrl string = apps.outputs.webUrl
output webAppName string = apps.outputs.webName
output workerAppName string = apps.outputs.workerName
output migrateJobName string = jobs.outputs.migrateJobName
output adminKeyJobName string = jobs.outputs.adminKeyJobName
output adminKeySecretName string = 'admin-api-key'
output keyVaultName string = keyVault.outputs.name
output registryLoginServer string = registry.outputs.loginServer
output postgresHost string = postgres.outputs.host
output postgresReplicaHost string = postgres.outputs.replicaHost
output openAiEndpoint string = openAi.outputs.endpoint
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName
output appInsightsName string = monitoring.outputs.appInsightsName
output dataFactoryName string = dataFactoryEnabled ? dataFactory.outputs.name : ''
output dataFactoryTriggerName string = dataFactoryEnabled ? dataFactory.outputs.triggerName : ''
output dataFactoryPipelineName string = dataFactoryEnabled ? dataFactory.outputs.pipelineName : ''
output integrationRuntimeName string = dataFactoryEnabled ? dataFactory.outputs.integrationRuntimeName : ''
