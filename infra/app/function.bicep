// Flex Consumption plan + the function app on the .NET isolated worker (runtime 'dotnet-isolated' 10.0, the exact
// catalog strings: ARM accepts unknown versions and the host then fails at start). Flex replaces FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and WEBSITE_CONTENT* with functionAppConfig: never set them.

@description('Name of the function app (also the start of its default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('Resource ID of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Client ID of the user-assigned identity the app runs as.')
param identityClientId string

@description('Name of the storage account used for AzureWebJobsStorage and the app data.')
param storageAccountName string

@description('Blob service endpoint of the storage account, with a trailing slash.')
param blobEndpoint string

@description('Queue service endpoint of the storage account, with a trailing slash.')
param queueEndpoint string

@description('Table service endpoint of the storage account, with a trailing slash.')
param tableEndpoint string

@description('Blob container the plan deploys the package from.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Upper bound of instances the app scales out to (Flex allows 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB; 2048 leaves room for PDF rendering of a large brand-month.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('App settings particular to this app, merged over the identity and monitoring settings.')
param appSettings object = {}

// Identity-based host storage: no connection string exists anywhere. The service URIs are explicit so the host and
// the app's SDK clients use the same endpoints (sovereign clouds included).
var storageSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // User-assigned identity: the client ID tells the SDK which identity to get the ingestion token for.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// DefaultAzureCredential / ManagedIdentityCredential in the app pick the user-assigned identity from this.
var identitySettings = {
  AZURE_CLIENT_ID: identityClientId
}

var allSettings = union(storageSettings, monitoringSettings, identitySettings, appSettings)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Flex Consumption is Linux only; reserved: true is what marks a plan as Linux.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      appSettings: [
        for setting in items(allSettings): {
          name: setting.key
          value: string(setting.value)
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app.')
output defaultHostName string = site.properties.defaultHostName

@description('Name of the Flex Consumption plan.')
output planName string = plan.name
