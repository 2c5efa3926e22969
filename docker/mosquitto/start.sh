#!/bin/sh
# Starts Mosquitto with the dynamic-security plugin. On the very first start the plugin's
# file does not exist yet: create it holding only the platform's admin login, which the
# platform then uses to write every other account (terminals, the ingestor).
set -eu
conf="${MOSQUITTO_CONF:-/mosquitto/config/mosquitto.conf}"
file="${DYNSEC_FILE:-/mosquitto/data/dynamic-security.json}"

if [ ! -f "$file" ]; then
  : "${MQTT_DYNSEC_USER:?set MQTT_DYNSEC_USER (the platform's broker admin) in docker/.env}"
  : "${MQTT_DYNSEC_PASSWORD:?set MQTT_DYNSEC_PASSWORD in docker/.env}"
  mosquitto_ctrl dynsec init "$file" "$MQTT_DYNSEC_USER" "$MQTT_DYNSEC_PASSWORD" >/dev/null
  chmod 0600 "$file"
  echo "start.sh: created $file with the admin login $MQTT_DYNSEC_USER"
fi
# Mosquitto drops root for its own user, who must be able to rewrite the file, also one
# put there by the operator (npm run broker:dynsec-file).
if [ "$(id -u)" = 0 ]; then chown mosquitto:mosquitto "$file" && chmod 0600 "$file"; fi
exec mosquitto -c "$conf"
