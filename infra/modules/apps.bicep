// The Container Apps environment (logs to Log Analytics), the web app with public HTTPS ingress, and the
// queue worker. Both run the same image; env and Key Vault-referenced secrets come from main.bicep.
param namePrefix string
param location string
param tags object = {}
param image string
param registryLoginServer string
param runtimeIdentityId string
param workspaceName string
param openAiName string
@description('Container env: [{ name, value } | { name, secretRef }], the names being lib/env.ts variables.')
param env array
@description('Container Apps secrets, each a Key Vault reference: [{ name, keyVaultUrl, identity }].')
param secrets array
@allowed(['public', 'private'])
param networkMode string = 'public'
param appsSubnetId string = ''
param webMaxReplicas int = 3
@description('Workers drain the queue together (rows are claimed with SKIP LOCKED).')
param workerReplicas int = 1

var openAiUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
// The runtime identity pulls the image and reads Key Vault; the system identity is the one the app's
// DefaultAzureCredential picks (no AZURE_CLIENT_ID needed) for Azure OpenAI.
var identity = { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: { '${runtimeIdentityId}': {} } }
var registries = [{ server: registryLoginServer, identity: runtimeIdentityId }]
var resources = { cpu: json('0.5'), memory: '1Gi' }

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiName
}

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: 'cae-${namePrefix}'
  location: location
  tags: tags
  properties: union(
    {
      appLogsConfiguration: {
        destination: 'log-analytics'
        logAnalyticsConfiguration: { customerId: workspace.properties.customerId, sharedKey: workspace.listKeys().primarySharedKey }
      }
      workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    },
    networkMode == 'private' ? { vnetConfiguration: { infrastructureSubnetId: appsSubnetId, internal: false } } : {}
  )
}

resource web 'Microsoft.App/containerApps@2025-01-01' = {
  name: 'ca-${namePrefix}-web'
  location: location
  tags: tags
  identity: identity
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: { external: true, targetPort: 3000, transport: 'auto', allowInsecure: false }
      registries: registries
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'web'
          image: image
          env: env
          resources: resources
          // Liveness asks the process only: /api/v1/health answers 503 while the database is away, and a
          // restart would not bring it back. Readiness uses it, so traffic waits for the database.
          probes: [
            { type: 'Startup', tcpSocket: { port: 3000 }, periodSeconds: 5, failureThreshold: 24 }
            { type: 'Liveness', tcpSocket: { port: 3000 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/api/v1/health', port: 3000 }, periodSeconds: 10, failureThreshold: 3 }
          ]
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: webMaxReplicas
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '50' } } }]
      }
    }
  }
}

resource worker 'Microsoft.App/containerApps@2025-01-01' = {
  name: 'ca-${namePrefix}-worker'
  location: location
  tags: tags
  identity: identity
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: registries
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: image
          command: ['node', '--import', 'tsx', 'scripts/worker.ts']
          env: env
          resources: resources
        }
      ]
      scale: { minReplicas: workerReplicas, maxReplicas: workerReplicas }
    }
  }
}

resource webOpenAi 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, web.id, openAiUserRole)
  scope: openAi
  properties: { roleDefinitionId: openAiUserRole, principalId: web.identity.principalId, principalType: 'ServicePrincipal' }
}

resource workerOpenAi 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, worker.id, openAiUserRole)
  scope: openAi
  properties: { roleDefinitionId: openAiUserRole, principalId: worker.identity.principalId, principalType: 'ServicePrincipal' }
}

output environmentId string = environment.id
output webName string = web.name
output workerName string = worker.name
output webUrl string = 'https://${web.properties.configuration.ingress.fqdn}'
