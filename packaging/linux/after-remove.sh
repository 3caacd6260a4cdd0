#!/bin/bash
# The deb's post-remove script (electron-builder `deb.afterRemove`): undoes after-install.sh. The
# kiosk user, /etc/stillroom and /var/lib/stillroom (the office's database) stay: removing the
# app is not deleting the practice's records; delete /var/lib/stillroom by hand for that.
app='/opt/${sanitizedProductName}'
if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove '${executable}' "$app/resources/bin/stillroom" || true
else
  rm -f '/usr/bin/${executable}'
fi
if [ -f /usr/lib/systemd/system/stillroom-kiosk.service ]; then
  if [ -d /run/systemd/system ]; then
    systemctl disable --now stillroom-kiosk.service > /dev/null 2>&1 || true
  fi
  rm -f /usr/lib/systemd/system/stillroom-kiosk.service
  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
fi
if [ -f '/etc/apparmor.d/${executable}' ]; then
  if apparmor_status --enabled > /dev/null 2>&1 && hash apparmor_parser 2>/dev/null; then
    apparmor_parser --remove '/etc/apparmor.d/${executable}' || true
  fi
  rm -f '/etc/apparmor.d/${executable}'
fi
exit 0
