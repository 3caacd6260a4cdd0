#!/bin/bash
# The deb's post-install script (electron-builder `deb.afterInstall`; ${executable} and
# ${sanitizedProductName} are filled in by electron-builder, escaped for bash single quotes, hence
# the quotes around them: app-builder-lib/out/targets/FpmTarget.js, bashSingleQuoteEscape). It does what electron-builder's own
# template (app-builder-lib/templates/linux/after-install.tpl) does for the sandbox helper and the
# AppArmor profile, and sets Stillroom up:
#  - /usr/bin/${executable} is the command wrapper (resources/bin/stillroom), not the bare binary,
#    so `stillroom hash-pin` and `stillroom serve` work from the installed app;
#  - the kiosk user and the systemd unit are installed, the unit DISABLED: a desk PC that installs
#    the package must not lose its tty1 to a kiosk. `systemctl enable --now stillroom-kiosk` turns
#    it on (packaging/linux/README.md).
set -e
app='/opt/${sanitizedProductName}'

if type update-alternatives >/dev/null 2>&1; then
  if [ -L '/usr/bin/${executable}' ] && [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
    rm -f '/usr/bin/${executable}'
  fi
  update-alternatives --install '/usr/bin/${executable}' '${executable}' "$app/resources/bin/stillroom" 100 || ln -sf "$app/resources/bin/stillroom" '/usr/bin/${executable}'
else
  ln -sf "$app/resources/bin/stillroom" '/usr/bin/${executable}'
fi

# The setuid sandbox helper only where the kernel has no user namespaces (as upstream).
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
  chmod 4755 "$app/chrome-sandbox" || true
else
  chmod 0755 "$app/chrome-sandbox" || true
fi

if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi

# AppArmor (Ubuntu 24.04+), as upstream: only when this AppArmor accepts the profile.
if apparmor_status --enabled > /dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$app/resources/apparmor-profile" > /dev/null 2>&1; then
    cp -f "$app/resources/apparmor-profile" '/etc/apparmor.d/${executable}'
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
    fi
  fi
fi

# The kiosk user: a system user with no password and no shell, in the groups the seat needs.
if ! getent passwd stillroom-kiosk > /dev/null; then
  adduser --system --group --home /var/lib/stillroom --no-create-home --shell /usr/sbin/nologin stillroom-kiosk > /dev/null 2>&1 \
    || useradd --system --user-group --home-dir /var/lib/stillroom --no-create-home --shell /usr/sbin/nologin stillroom-kiosk
fi
for group in video render input audio; do
  if getent group "$group" > /dev/null; then usermod -aG "$group" stillroom-kiosk || true; fi
done
mkdir -p /etc/stillroom

# The unit, installed and left disabled.
install -m 0644 "$app/resources/systemd/stillroom-kiosk.service" /usr/lib/systemd/system/stillroom-kiosk.service
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || true
fi
exit 0
