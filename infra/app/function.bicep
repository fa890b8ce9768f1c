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

@description('Client ID of the Entra app registration people sign in with (App Service authentication); empty leaves sign-in off, and the app then refuses every HTTP call without an API key.')
param authClientId string = ''

@description('Client IDs of the machine clients allowed to call the API with an Entra token, besides the page itself; empty allows any client the tenant issues a token for this app to (restrict with "assignment required").')
param authAllowedApplications array = []

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

// App Service authentication (Easy Auth) with Entra ID: nobody reaches the app without a sign-in (people, redirected to
// the login page) or an Entra token for this app (machine clients). The worker checks again (SECURITY.md, "Access"): the
// Functions host cannot admit a signed-in user in place of a function key, so the HTTP functions leave access to it.
// No client secret: sign-in uses the OpenID Connect implicit flow (ID tokens enabled on the registration).
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: authClientId
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
          defaultAuthorizationPolicy: empty(authAllowedApplications)
            ? {}
            : {
                allowedApplications: union([authClientId], authAllowedApplications)
              }
        }
      }
    }
    login: {
      // The app never calls another API with the user's token, so nothing is stored: no blob SAS to hold, no
      // /.auth/me (the page learns nothing about the user from the platform; SECURITY.md, "Access").
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

@description('Name of the function app.')
output name string = site.name

@description('True when App Service authentication (Entra ID sign-in) is configured.')
output signInEnabled bool = !empty(authClientId)

@description('Default host name of the function app.')
output defaultHostName string = site.properties.defaultHostName

@description('Name of the Flex Consumption plan.')
output planName string = plan.name
