// The one identity the function app runs as. User-assigned (not system-assigned) because it exists before the app:
// its role assignments are in place when the host first starts, and its client ID (Graph Mail.Send grant, Exchange
// RBAC scope) survives deleting and recreating the function app.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource ID, for the site identity block and the deployment container authentication.')
output resourceId string = identity.id

@description('Client (application) ID: what AzureWebJobsStorage__clientId, AZURE_CLIENT_ID and Graph use.')
output clientId string = identity.properties.clientId

@description('Object ID of the service principal: what role assignments and the Graph app-role grant use.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name
