// A desktop's notification service, for the reminders' end-to-end test: a private D-Bus session
// bus (dbus-daemon, installed by setup.sh with dbus-x11) on which a stand-in owns
// org.freedesktop.Notifications, the name every Linux notification service takes, and keeps
// every notification sent to it. The app is started with DBUS_SESSION_BUS_ADDRESS pointing here.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import dbus from 'dbus-next';

const { Interface } = dbus.interface;

class Notifications extends Interface {
  constructor(received) {
    super('org.freedesktop.Notifications');
    this.received = received;
  }
  Notify(appName, _replaces, _icon, summary, body) {
    this.received.push({ appName, summary, body });
    return this.received.length;
  }
  GetCapabilities() {
    return ['body'];
  }
  GetServerInformation() {
    return ['ballast-tests', 'ballast', '1', '1.2'];
  }
  CloseNotification() {}
}
Notifications.configureMembers({
  methods: {
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
  },
});

/** Starts the bus and the stand-in: `{ address, received, stop }`. */
export async function notificationService() {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [chunk] = await once(daemon.stdout, 'data');
  const address = String(chunk).split('\n')[0].trim();
  const bus = dbus.sessionBus({ busAddress: address });
  const received = [];
  bus.export('/org/freedesktop/Notifications', new Notifications(received));
  await bus.requestName('org.freedesktop.Notifications', 0);
  return {
    address,
    received,
    stop() {
      bus.disconnect();
      daemon.kill();
    },
  };
}
