// Container registry for the app image. deploy.sh deploys this module first and builds the image into it
// with `az acr build` (no Docker needed on the deployer's machine); main.bicep deploys it again, unchanged.
param namePrefix string
param location string
param tags object = {}

// Registry names are global and alphanumeric only.
var name = take('cr${toLower(replace(namePrefix, '-', ''))}${uniqueString(resourceGroup().id)}', 50)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: {
    adminUserEnabled: false
  }
}

output name string = registry.name
output id string = registry.id
output loginServer string = registry.properties.loginServer
