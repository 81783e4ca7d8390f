// A desktop's notification service and its panel's tray, for the reminders' end-to-end test: a
// private D-Bus session bus (dbus-daemon, installed by setup.sh with dbus-x11) on which a
// stand-in owns org.freedesktop.Notifications, the name every Linux notification service takes,
// and keeps every notification sent to it; and another owns org.kde.StatusNotifierWatcher, where
// tray icons (libayatana-appindicator's among them) register, so the test can read the tray's
// menu and click its items over com.canonical.dbusmenu as a panel does. The app is started with
// DBUS_SESSION_BUS_ADDRESS pointing here.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import dbus from 'dbus-next';

const { Interface } = dbus.interface;
const { Variant } = dbus;

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

class Watcher extends Interface {
  constructor(items) {
    super('org.kde.StatusNotifierWatcher');
    this.items = items;
  }
  get RegisteredStatusNotifierItems() {
    return this.items.map((i) => `${i.sender}${i.path}`);
  }
  get IsStatusNotifierHostRegistered() {
    return true;
  }
  get ProtocolVersion() {
    return 0;
  }
  RegisterStatusNotifierItem() {}
  RegisterStatusNotifierHost() {}
}
Watcher.configureMembers({
  properties: {
    RegisteredStatusNotifierItems: { signature: 'as', access: 'read' },
    IsStatusNotifierHostRegistered: { signature: 'b', access: 'read' },
    ProtocolVersion: { signature: 'i', access: 'read' },
  },
  methods: {
    RegisterStatusNotifierItem: { inSignature: 's', outSignature: '' },
    RegisterStatusNotifierHost: { inSignature: 's', outSignature: '' },
  },
  signals: {},
});

/** The tray icons registered with the watcher: `{ sender, path }`, and their menus. */
function trayHost(bus) {
  const items = [];
  // The watcher is told an object path (or a name); who sent it is the icon's connection.
  bus.addMethodHandler((msg) => {
    if (msg.interface === 'org.kde.StatusNotifierWatcher' && msg.member === 'RegisterStatusNotifierItem') {
      const said = msg.body[0];
      items.push({ sender: said.startsWith('/') ? msg.sender : said, path: said.startsWith('/') ? said : '/StatusNotifierItem' });
    }
    return false;
  });
  bus.export('/StatusNotifierWatcher', new Watcher(items));
  /** The menu of the icon registered last: its items' labels, and a way to click one. */
  async function menu() {
    const item = items.at(-1);
    if (!item) return null;
    const icon = await bus.getProxyObject(item.sender, item.path);
    const props = icon.getInterface('org.freedesktop.DBus.Properties');
    const menuPath = (await props.Get('org.kde.StatusNotifierItem', 'Menu')).value;
    const tooltip = await props.Get('org.kde.StatusNotifierItem', 'Title').then((v) => v.value, () => '');
    const dbusmenu = (await bus.getProxyObject(item.sender, menuPath)).getInterface('com.canonical.dbusmenu');
    const [, layout] = await dbusmenu.GetLayout(0, -1, []);
    const entries = layout[2]
      .map((child) => child.value)
      .map(([id, properties]) => ({ id, label: properties.label ? properties.label.value : '' }))
      .filter((e) => e.label);
    return {
      title: tooltip,
      labels: entries.map((e) => e.label.replace(/_/g, '')),
      async click(label) {
        const entry = entries.find((e) => e.label.replace(/_/g, '') === label);
        if (!entry) throw new Error(`the tray menu has no ${label}: ${entries.map((e) => e.label)}`);
        await dbusmenu.Event(entry.id, 'clicked', new Variant('s', ''), 0);
      },
    };
  }
  return { items, menu };
}

/** Starts the bus and the stand-ins: `{ address, received, tray, stop }`. */
export async function notificationService() {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [chunk] = await once(daemon.stdout, 'data');
  const address = String(chunk).split('\n')[0].trim();
  const bus = dbus.sessionBus({ busAddress: address });
  const received = [];
  bus.export('/org/freedesktop/Notifications', new Notifications(received));
  await bus.requestName('org.freedesktop.Notifications', 0);
  const tray = trayHost(bus);
  await bus.requestName('org.kde.StatusNotifierWatcher', 0);
  return {
    address,
    received,
    tray,
    stop() {
      bus.disconnect();
      daemon.kill();
    },
  };
}
