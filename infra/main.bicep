// SocialFunctions on Azure: a Flex Consumption function app (.NET isolated worker) with its storage account, a
// user-assigned managed identity, Application Insights and Log Analytics. Deploy into an existing resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// No registry modules: every resource is written inline in app/*.bicep so the template builds offline.
targetScope = 'resourceGroup'

@description('Short name that starts every resource name, e.g. "socialfn" (letters, digits and hyphens).')
@minLength(2)
@maxLength(12)
param namePrefix string

@description('Azure region for all resources; must offer the Flex Consumption plan. Defaults to the resource group region.')
param location string = resourceGroup().location

@description('Mailbox (UPN or SMTP address) the monthly reports are sent from when a brand sets no sender of its own.')
@minLength(3)
param senderMailbox string

@description('How mail leaves the app: Graph sends through Microsoft Graph; Outbox only writes .eml files to storage.')
@allowed([
  'Graph'
  'Outbox'
])
param mailMode string = 'Graph'

@description('Client ID of a separate Entra app registration for Graph mail; empty uses the app\'s managed identity.')
param graphClientId string = ''

@description('NCRONTAB (UTC) of the planner that queues due monthly reports; it checks every brand\'s local due time.')
param reportSchedule string = '0 */15 * * * *'

@description('NCRONTAB (UTC) of the planner that queues the daily series-health checks.')
param seriesCheckSchedule string = '0 0 5 * * *'

@description('NCRONTAB (UTC) of the planner that queues due weekly digests; it checks every brand\'s local Monday morning.')
param digestSchedule string = '0 */15 * * * *'

@description('Upper bound of Flex Consumption instances (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB (512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Replication SKU of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Object ID of a person or group to grant storage data access for debugging; empty grants nothing.')
param operatorPrincipalId string = ''

@description('Client ID of the Entra app registration people sign in with (docs/deploy.md, "Access"); empty leaves sign-in off and the app refuses every HTTP call without an API key.')
param authClientId string = ''

@description('App role every signed-in person or machine client must hold (defined on the app registration); empty admits anyone the sign-in admits.')
param authRequiredRole string = 'SocialFunctions.User'

@description('Client IDs of machine clients allowed to call the API with an Entra token; empty allows any client the tenant issues a token for this app to.')
param authAllowedApplications array = []

@description('Tags applied to every resource.')
param tags object = {}

var abbrs = loadJsonContent('abbreviations.json')
// One stable suffix per resource group + prefix keeps globally unique names (storage, app host name) repeatable.
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, namePrefix, location))
var prefix = toLower(namePrefix)
var allTags = union(tags, { 'app-name': 'socialfunctions' })

var functionAppName = '${abbrs.webSitesFunctions}${prefix}-${resourceToken}'
// Storage names allow only lowercase letters and digits, 24 at most: 'st' + 9 + 13.
var storageAccountName = '${abbrs.storageStorageAccounts}${take(replace(prefix, '-', ''), 9)}${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}${prefix}-${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${prefix}-${resourceToken}'

// Must match the queue of every [QueueTrigger] (Functions.Tests/Metadata checks it against functions.metadata).
var queueNames = [
  'report-requests'
  'series-checks'
  'digest-requests'
]

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: allTags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${prefix}-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: allTags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    queueNames: queueNames
  }
}

// Names known at compile time (not module outputs) keep What-If predictions exact; the module waits for both.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    identityResourceId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
    principalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module functionApp 'app/function.bicep' = {
  name: 'function'
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${prefix}-${resourceToken}'
    location: location
    tags: allTags
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    authClientId: authClientId
    authAllowedApplications: authAllowedApplications
    appSettings: {
      // Checked by the worker on every HTTP call, on top of App Service authentication (SECURITY.md, "Access").
      Access__RequiredRole: authRequiredRole
      REPORT_SCHEDULE: reportSchedule
      SERIES_CHECK_SCHEDULE: seriesCheckSchedule
      DIGEST_SCHEDULE: digestSchedule
      Mail__Mode: mailMode
      Mail__Graph__TenantId: tenant().tenantId
      Mail__Graph__ClientId: empty(graphClientId) ? identity.outputs.clientId : graphClientId
      // Used when a brand's settings name no sender of their own.
      Reports__Delivery__DefaultSender: senderMailbox
    }
  }
  // The host reads its storage with the identity at first start: the roles must exist before the app does.
  dependsOn: [
    rbac
  ]
}

@description('Name of the function app (az functionapp commands, deployment).')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the function app; HTTP functions live under /api.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('True when Entra ID sign-in (App Service authentication) is on; false means every HTTP call needs an API key.')
output signInEnabled bool = functionApp.outputs.signInEnabled

@description('Name of the storage account holding tables, reports, queues and the deployment package.')
output storageAccountName string = storage.outputs.name

@description('Client ID of the app identity (Graph Mail.Send grant, Exchange RBAC for Applications).')
output identityClientId string = identity.outputs.clientId

@description('Object ID of the app identity\'s service principal (Graph app-role assignment).')
output identityPrincipalId string = identity.outputs.principalId

@description('Name of the Application Insights component where logs and traces land.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName
