// Says when the first frame is painted (two animation frames after load), as Ballast's UI does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('painted')));
