// <tp-apex-chart>: renders the ApexCharts options given (as a JSON string) in its `options` property.
// Used by io.tradepilot.base.chart.ApexChart. Re-creates the chart when the options change.
import ApexCharts from 'apexcharts';

class TpApexChart extends HTMLElement {
  constructor() {
    super();
    // the server may have set `options` before this element was upgraded: take it over
    if (Object.prototype.hasOwnProperty.call(this, 'options')) {
      const early = this.options;
      delete this.options;
      this._options = typeof early === 'string' ? (early ? JSON.parse(early) : null) : early;
    }
  }

  set options(value) {
    this._options = typeof value === 'string' ? (value ? JSON.parse(value) : null) : value;
    this._render();
  }

  get options() {
    return this._options ? JSON.stringify(this._options) : '';
  }

  connectedCallback() {
    this.style.display = this.style.display || 'block';
    this._render();
  }

  disconnectedCallback() {
    this._destroy();
  }

  _destroy() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  _render() {
    if (!this.isConnected || !this._options) {
      return;
    }
    this._destroy();
    this.replaceChildren();
    const target = document.createElement('div');
    target.style.height = '100%';
    this.appendChild(target);
    this._chart = new ApexCharts(target, this._options);
    this._chart.render();
  }
}

if (!customElements.get('tp-apex-chart')) {
  customElements.define('tp-apex-chart', TpApexChart);
}
