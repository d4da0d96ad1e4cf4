#!/bin/bash
# Sets up a Debian/Ubuntu PC as a browser-host kiosk (README.md, "Deployment"). Run as root
# from the app folder, after `npm ci && npm run build` there:
#
#   sudo bash deploy/install-linux.sh
#
# What it does: creates the `kiosk` user and /var/lib/not-alone-kiosk (0700), installs
# Chromium and cage if missing, writes the Chromium policy and the offline page
# (npm run deploy:policy), installs and enables the two systemd units and the USB-stick
# mount rule, and switches off the other text consoles and the magic SysRq key.
set -euo pipefail
APP_DIR="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$APP_DIR" != /opt/not-alone-kiosk ]; then
  echo "Put the app in /opt/not-alone-kiosk first (the units and the policy use that path)." >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then echo "Run as root (sudo)." >&2; exit 2; fi

command -v cage >/dev/null || apt-get install -y cage
command -v chromium >/dev/null || apt-get install -y chromium

id kiosk >/dev/null 2>&1 || useradd --system --create-home --shell /usr/sbin/nologin --groups video,input,render kiosk
install -d -o kiosk -g kiosk -m 0700 /var/lib/not-alone-kiosk
install -d -m 0755 /etc/not-alone-kiosk

(cd "$APP_DIR" && npm run deploy:policy)
chown -R kiosk:kiosk /var/lib/not-alone-kiosk

install -m 0644 "$APP_DIR/deploy/systemd/not-alone-host.service" /etc/systemd/system/
install -m 0644 "$APP_DIR/deploy/systemd/not-alone-kiosk.service" /etc/systemd/system/
# USB sticks mount at /media/kiosk-usb (the PIN set-up file, exports).
install -m 0644 "$APP_DIR/deploy/udev/99-not-alone-usb.rules" /etc/udev/rules.d/
udevadm control --reload-rules

# No other consoles to switch to, and no SysRq tricks from a keyboard.
install -d /etc/systemd/logind.conf.d
printf '[Login]\nNAutoVTs=0\nReserveVT=0\n' > /etc/systemd/logind.conf.d/not-alone-kiosk.conf
echo 'kernel.sysrq = 0' > /etc/sysctl.d/90-not-alone-kiosk.conf

systemctl daemon-reload
systemctl enable not-alone-host.service not-alone-kiosk.service
systemctl set-default graphical.target
echo "Done. Provision the staff PIN (KIOSK_ADMIN_PIN in /etc/not-alone-kiosk/host.env, or the USB set-up file), then reboot."
