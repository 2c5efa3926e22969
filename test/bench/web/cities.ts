/** Where the seeded fleet trades: Chinese cities with a share of the fleet and a spread in degrees. */
export interface City {
  name: string;
  code: string;
  lat: number;
  lon: number;
  spreadDeg: number;
  weight: number;
}

export const CITIES: readonly City[] = [
  { name: 'Shanghai', code: '021', lat: 31.23, lon: 121.47, spreadDeg: 0.15, weight: 14 },
  { name: 'Beijing', code: '010', lat: 39.9, lon: 116.41, spreadDeg: 0.15, weight: 13 },
  { name: 'Guangzhou', code: '020', lat: 23.13, lon: 113.26, spreadDeg: 0.12, weight: 9 },
  { name: 'Shenzhen', code: '0755', lat: 22.54, lon: 114.06, spreadDeg: 0.1, weight: 9 },
  { name: 'Chengdu', code: '028', lat: 30.57, lon: 104.07, spreadDeg: 0.12, weight: 7 },
  { name: 'Chongqing', code: '023', lat: 29.56, lon: 106.55, spreadDeg: 0.12, weight: 6 },
  { name: 'Hangzhou', code: '0571', lat: 30.27, lon: 120.16, spreadDeg: 0.1, weight: 6 },
  { name: 'Wuhan', code: '027', lat: 30.59, lon: 114.31, spreadDeg: 0.1, weight: 6 },
  { name: "Xi'an", code: '029', lat: 34.34, lon: 108.94, spreadDeg: 0.1, weight: 5 },
  { name: 'Nanjing', code: '025', lat: 32.06, lon: 118.8, spreadDeg: 0.1, weight: 5 },
  { name: 'Tianjin', code: '022', lat: 39.13, lon: 117.2, spreadDeg: 0.1, weight: 5 },
  { name: 'Suzhou', code: '0512', lat: 31.3, lon: 120.62, spreadDeg: 0.08, weight: 4 },
  { name: 'Changsha', code: '0731', lat: 28.23, lon: 112.94, spreadDeg: 0.08, weight: 3 },
  { name: 'Zhengzhou', code: '0371', lat: 34.75, lon: 113.63, spreadDeg: 0.08, weight: 3 },
  { name: 'Xiamen', code: '0592', lat: 24.48, lon: 118.09, spreadDeg: 0.06, weight: 2 },
  { name: 'Shenyang', code: '024', lat: 41.81, lon: 123.43, spreadDeg: 0.08, weight: 2 },
  { name: 'Harbin', code: '0451', lat: 45.8, lon: 126.53, spreadDeg: 0.08, weight: 2 },
  { name: 'Kunming', code: '0871', lat: 25.04, lon: 102.71, spreadDeg: 0.08, weight: 2 },
  { name: 'Urumqi', code: '0991', lat: 43.83, lon: 87.62, spreadDeg: 0.06, weight: 1 },
];

/** Seeded terminal ids: BT000001 … */
export const terminalId = (i: number): string => `BT${String(i).padStart(6, '0')}`;
