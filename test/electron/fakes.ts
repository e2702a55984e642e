import { EventEmitter } from 'node:events';

/**
 * Small stand-ins for the Electron objects the shell hardens and wires. They record what the code under test
 * registered, so a test can fire the registered handler the way Electron would and look at what it decided.
 */

export type Listener = (...args: never[]) => unknown;

/** An event as Electron passes it to will-navigate and friends: a url and preventDefault. */
export function navigationEvent(url: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export function preventableEvent() {
  return navigationEvent('');
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler?: (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: unknown,
  ) => void;
  permissionCheckHandler?: (
    contents: unknown,
    permission: string,
    origin: string,
    details: unknown,
  ) => boolean;
  devicePermissionHandler?: (details: unknown) => boolean;
  spellChecker: boolean | undefined;
  beforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  headersReceived?: (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: FakeSession['headersReceived']) => {
      this.headersReceived = listener;
    },
  };
  readonly protocol = {
    handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => {
      this.protocol.handlers.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean) {
    this.spellChecker = enabled;
  }

  /** What the request hook decides for a URL: true when it cancels the request. */
  cancels(url: string): boolean {
    let decision: { cancel?: boolean } | undefined;
    this.beforeRequest?.({ url }, (response) => (decision = response));
    if (decision === undefined) throw new Error('the request hook did not answer');
    return decision.cancel === true;
  }

  /** What the header hook returns for a response from `url`. */
  headersFor(url: string, responseHeaders: Record<string, string[]>): Record<string, string[]> | undefined {
    let answer: { responseHeaders?: Record<string, string[]> } | undefined;
    this.headersReceived?.({ url, responseHeaders }, (response) => (answer = response));
    if (answer === undefined) throw new Error('the header hook did not answer');
    return answer.responseHeaders;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
    public detached = false,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler?: (details: { url: string }) => { action: string };
  webRTCPolicy?: string;
  readonly sent: { channel: string; payload: unknown }[] = [];
  mainFrame = new FakeFrame('app://confidant/index.html');
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  setWebRTCIPHandlingPolicy(policy: string) {
    this.webRTCPolicy = policy;
  }
  send(channel: string, payload?: unknown) {
    this.sent.push({ channel, payload });
  }

  /** Fires a navigation event the way Electron does; true when the handler prevented it. */
  navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    const navigation = navigationEvent(url);
    this.emit(event, navigation, url);
    return navigation.defaultPrevented;
  }
}
