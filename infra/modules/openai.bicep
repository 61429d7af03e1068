// Azure OpenAI with one embedding deployment. Local (key) authentication is off: the apps sign in with
// Microsoft Entra ID (their managed identity, role "Cognitive Services OpenAI User"), so no key exists to leak.
param namePrefix string
param location string
param tags object = {}
@description('1536-dimensional models only (the vector columns): text-embedding-3-small (shortened with dimensions) or text-embedding-ada-002.')
@allowed(['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'])
param embeddingModel string = 'text-embedding-3-small'
param embeddingModelVersion string = embeddingModel == 'text-embedding-ada-002' ? '2' : '1'
@allowed(['Standard', 'GlobalStandard'])
param deploymentSku string = 'Standard'
@description('Thousands of tokens per minute.')
param capacity int = 120

var name = 'oai-${namePrefix}-${uniqueString(resourceGroup().id)}'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    // A custom subdomain is what Entra ID tokens are issued for.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// Named after the model, so the app's EMBEDDING_SEND_DIMENSIONS=auto recognises text-embedding-3-*.
resource embedding 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: embeddingModel
  sku: { name: deploymentSku, capacity: capacity }
  properties: {
    model: { format: 'OpenAI', name: embeddingModel, version: embeddingModelVersion }
    versionUpgradeOption: 'OnceCurrentVersionExpired'
  }
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.endpoint
output embeddingDeployment string = embedding.name
