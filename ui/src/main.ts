// Mounts the app. Everything the app shows is in App.svelte and screens/.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('the #app element is missing from index.html');
export default mount(App, { target });
