import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import "./generated/noto-sc.css";
import "./styles.css";
import { render } from "preact";
import { App } from "./app.js";

const root = document.getElementById("app");
if (root !== null) render(<App />, root);
