#!/usr/bin/env bash
# One command to deploy or update: infra/deploy.sh <resource-group> [--parameters file] [--image-tag tag]
# Builds the image in Azure Container Registry (no local Docker), deploys main.bicep, runs the migrations,
# creates the first admin API key into Key Vault and prints the URL. --image-tag redeploys a built tag (rollback).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: infra/deploy.sh <resource-group> [--parameters infra/main.parameters.json] [--image-tag <tag>]

  <resource-group>   created in the parameters' location if it does not exist
  --parameters       ARM parameters file (copy infra/main.parameters.template.json)
  --image-tag        deploy an image already in the registry instead of building one (rollback)

Needs: az (logged in, Owner or Contributor + User Access Administrator on the group), jq, openssl.
EOF
}

step() { printf '\n==> %s\n' "$*"; }
die() { echo "deploy.sh: $*" >&2; exit 1; }

resource_group=""
parameters="infra/main.parameters.json"
image_tag=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    -p|--parameters) parameters="${2:?--parameters needs a file}"; shift 2 ;;
    --image-tag) image_tag="${2:?--image-tag needs a tag}"; shift 2 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [ -z "$resource_group" ] || die "one resource group only"; resource_group="$1"; shift ;;
  esac
done
[ -n "$resource_group" ] || { usage >&2; exit 2; }
for tool in az jq openssl; do command -v "$tool" >/dev/null || die "$tool is required"; done
[ -f "$parameters" ] || die "$parameters not found: cp infra/main.parameters.template.json $parameters and edit it"

name_prefix=$(jq -r '.parameters.namePrefix.value // empty' "$parameters")
location=$(jq -r '.parameters.location.value // empty' "$parameters")
if [ -z "$name_prefix" ] || [ -z "$location" ]; then die "$parameters must set namePrefix and location"; fi
az account show -o none 2>/dev/null || die "not signed in: az login"
az extension add --name containerapp --upgrade --only-show-errors -y >/dev/null
az extension add --name datafactory --upgrade --only-show-errors -y >/dev/null

# Outputs of the previous deployment, if any (re-runs reuse its vault and stop its trigger).
previous='{}'
if az deployment group show -g "$resource_group" -n main -o none 2>/dev/null; then
  previous=$(az deployment group show -g "$resource_group" -n main --query properties.outputs -o json)
fi
output_of() { jq -r --arg key "$2" '.[$key].value // empty' <<<"$1"; }

step "resource group $resource_group ($location)"
az group create -n "$resource_group" -l "$location" -o none

step "container registry"
registry_server=$(az deployment group create -g "$resource_group" -n registry -f infra/modules/registry.bicep \
  -p namePrefix="$name_prefix" location="$location" --query properties.outputs.loginServer.value -o tsv)
registry_name=${registry_server%%.*}

if [ -z "$image_tag" ]; then
  image_tag="$(git rev-parse --short=12 HEAD 2>/dev/null || echo manual)-$(date -u +%Y%m%d%H%M%S)"
  step "image customer-matching:$image_tag (built in $registry_name)"
  az acr build -r "$registry_name" -t "customer-matching:$image_tag" -f Dockerfile . --only-show-errors
else
  step "image customer-matching:$image_tag (already built)"
  az acr repository show -n "$registry_name" --image "customer-matching:$image_tag" -o none || die "no image customer-matching:$image_tag in $registry_name"
fi

step "database password"
vault=$(output_of "$previous" keyVaultName)
password=""
if [ -n "$vault" ]; then
  # A new password here would reach the server at once but the apps only when Key Vault references refresh.
  if ! password=$(az keyvault secret show --vault-name "$vault" -n postgres-password --query value -o tsv 2>/dev/null); then
    die "cannot read postgres-password from $vault: grant yourself 'Key Vault Secrets Officer' on it, then re-run"
  fi
  echo "reusing the password in $vault"
else
  password="Pg1-$(openssl rand -hex 24)"
  echo "generated a new password (stored in Key Vault by the deployment)"
fi

if [ "$(az account show --query user.type -o tsv)" = "user" ]; then
  deployer_id=$(az ad signed-in-user show --query id -o tsv)
  deployer_type=User
else
  deployer_id=$(az ad sp show --id "$(az account show --query user.name -o tsv)" --query id -o tsv)
  deployer_type=ServicePrincipal
fi

factory=$(output_of "$previous" dataFactoryName)
trigger=$(output_of "$previous" dataFactoryTriggerName)
if [ -n "$factory" ] && [ -n "$trigger" ]; then
  step "stopping Data Factory trigger $trigger (a started trigger cannot be updated)"
  az datafactory trigger stop -g "$resource_group" --factory-name "$factory" -n "$trigger" -o none 2>/dev/null || true
fi

step "deploying infra/main.bicep (15-25 minutes the first time)"
secret_parameters=$(mktemp)
trap 'rm -f "$secret_parameters"' EXIT
chmod 600 "$secret_parameters"
jq -n --arg image "$registry_server/customer-matching:$image_tag" --arg password "$password" --arg deployer "$deployer_id" --arg type "$deployer_type" \
  '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", contentVersion: "1.0.0.0",
     parameters: { appImage: { value: $image }, postgresAdminPassword: { value: $password },
                   deployerPrincipalId: { value: $deployer }, deployerPrincipalType: { value: $type } } }' >"$secret_parameters"
az deployment group create -g "$resource_group" -n main -f infra/main.bicep -p @"$parameters" -p @"$secret_parameters" -o none
outputs=$(az deployment group show -g "$resource_group" -n main --query properties.outputs -o json)

# Starts a manual Container Apps job and waits for its end (15 minutes at most).
run_job() {
  local job=$1 execution status deadline=$((SECONDS + 900))
  execution=$(az containerapp job start -g "$resource_group" -n "$job" --query name -o tsv)
  while [ $SECONDS -lt $deadline ]; do
    status=$(az containerapp job execution show -g "$resource_group" -n "$job" --job-execution-name "$execution" --query properties.status -o tsv)
    case "$status" in
      Succeeded) echo "$job: $execution succeeded"; return 0 ;;
      Failed|Stopped|Degraded) break ;;
    esac
    sleep 10
  done
  echo "$job: $execution ended as ${status:-unknown}. Its log, in Log Analytics $(output_of "$outputs" logAnalyticsWorkspaceName):" >&2
  echo "  ContainerAppConsoleLogs_CL | where ContainerGroupName_s startswith '$execution' | project TimeGenerated, Log_s" >&2
  return 1
}

step "migrations"
run_job "$(output_of "$outputs" migrateJobName)"

step "first admin API key (kept in Key Vault; created once)"
run_job "$(output_of "$outputs" adminKeyJobName)"

factory=$(output_of "$outputs" dataFactoryName)
if [ -n "$factory" ]; then
  step "Data Factory $factory"
  trigger=$(output_of "$outputs" dataFactoryTriggerName)
  vault=$(output_of "$outputs" keyVaultName)
  if az keyvault secret show --vault-name "$vault" -n sqlserver-connection-string -o none 2>/dev/null; then
    az datafactory trigger start -g "$resource_group" --factory-name "$factory" -n "$trigger" -o none
    echo "trigger $trigger started"
  else
    echo "trigger $trigger left stopped: no SQL Server connection string yet (docs/deploy.md, 'Connecting SQL Server')"
  fi
fi

step "done"
echo "URL:        $(output_of "$outputs" appUrl)"
echo "Admin key:  az keyvault secret show --vault-name $(output_of "$outputs" keyVaultName) -n $(output_of "$outputs" adminKeySecretName) --query value -o tsv"
echo "Image:      $registry_server/customer-matching:$image_tag (roll back: infra/deploy.sh $resource_group --parameters $parameters --image-tag <earlier tag>)"
