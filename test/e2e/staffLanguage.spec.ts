/**
 * Issue 12: the desk and room screens follow the practice's language (`practice.language` in
 * office.yaml). The demo office set to Spanish shows the PIN page, the board, its check-in, the
 * health line, "More" and a room screen in Spanish, marks the document `lang="es"`, and passes
 * axe; the same office in English is as it always was. Words the hub writes (the last change,
 * refusals) stay English for now (README "Languages").
 */
import { join, resolve } from 'node:path';
import { test, expect, deskPin, editedOffice, seriousA11yViolations, type DeskPage, type RunningHub } from './fixtures.ts';

const demoOffice = join(resolve(import.meta.dirname, '..', '..'), 'config', 'demo-office.yaml');

type DeskWords = { pin: string; open: string; checkSomeoneIn: string; later: string; checkIn: string };
const spanish: DeskWords = { pin: 'PIN del personal', open: 'Abrir el tablero', checkSomeoneIn: 'Registrar una llegada', later: 'Más tarde hoy', checkIn: 'Registrar' };
const english: DeskWords = { pin: 'Staff PIN', open: 'Open the board', checkSomeoneIn: 'Check someone in', later: 'Later today', checkIn: 'Check in' };

/** Opens the desk, signs in with the words the PIN page shows, and checks Sam's client in for later today. */
async function deskWithOneArrival(desk: DeskPage, hub: RunningHub, words: DeskWords) {
  await desk.open(hub);
  await desk.page.getByLabel(words.pin).fill(deskPin);
  await desk.page.getByRole('button', { name: words.open }).click();
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Willow Street Practice' })).toBeVisible();
  await deskCheckIn(desk, words);
}

async function deskCheckIn(desk: DeskPage, words: DeskWords) {
  await desk.page.getByRole('button', { name: words.checkSomeoneIn }).click();
  const panel = desk.page.getByRole('region', { name: words.checkSomeoneIn });
  await panel.getByRole('button', { name: 'Sam' }).click();
  await panel.getByRole('button', { name: words.later }).click();
  await panel.getByRole('button', { name: words.checkIn, exact: true }).click();
  await desk.expectWaiting(1);
}

test.describe('a practice whose staff speak Spanish', () => {
  test.use({ office: editedOffice(demoOffice, 'name: Willow Street Practice\n', 'name: Willow Street Practice\n  language: es\n') });

  test('the desk and a room screen are in Spanish, marked so, and pass axe', async ({ hub, desk, room }) => {
    test.slow(); // two surfaces, each signed in, on the demo office's simulated devices
    const { page } = desk;
    await desk.open(hub);
    await expect(page.getByRole('heading', { level: 1, name: 'Recepción' })).toBeVisible();
    await expect(page.getByText('Introduce el PIN del personal para ver las llegadas de hoy.')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

    await deskWithOneArrival(desk, hub, spanish);
    await expect(page).toHaveTitle('Recepción · Willow Street Practice');
    await expect(page.locator('.desk-sub')).toContainText('Llegadas de hoy');
    await expect(page.getByRole('table', { name: 'Llegadas de hoy' })).toBeVisible();
    await expect(page.getByText('Esperando ahora')).toBeVisible();
    // The last change is said by the desk from its facts, not in the hub's English.
    await expect(page.locator('#desk-last-change')).toHaveText('Último cambio: cliente de Sam registrado en recepción.');
    await expect(page.getByRole('region', { name: 'Sistemas de la consulta' })).toContainText('Todos los sistemas en calma');
    await expect(page.getByRole('list', { name: 'Salas' }).getByRole('link')).toHaveCount(3);
    const row = desk.rowFor('Sam');
    await expect(row).toContainText('Más tarde hoy');
    await expect(row.getByRole('cell').filter({ hasText: 'esperando' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Asignar a…' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Llegada' })).toBeVisible();
    await page.getByRole('button', { name: 'Más', exact: true }).click();
    await page.getByRole('button', { name: 'Borrar el día…' }).click();
    await expect(page.getByText('Esto borra ahora, y para siempre, todas las llegadas de hoy. No se guardan recuentos.')).toBeVisible();
    await page.getByRole('button', { name: 'Conservarlas' }).click();
    await page.getByRole('button', { name: 'Deshacer: cliente de Sam registrado en recepción' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deshecho: cliente de Sam registrado en recepción.' })).toBeVisible();
    await expect(row).toHaveCount(0);
    await deskCheckIn(desk, spanish);
    await expect(page.getByText('Check someone in')).toHaveCount(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Sam's room: its PIN page, "Waiting for you" with the client just checked in, the session and the presets.
    await room.page.goto(`${hub.url}/room/willow`);
    await room.page.getByLabel('PIN del personal').fill(deskPin);
    await room.page.getByRole('button', { name: 'Abrir la sala' }).click();
    await expect(room.page.getByRole('link', { name: 'Todas las salas' })).toBeVisible();
    await expect(room.page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(room.page).toHaveTitle('Willow room · Stillroom');
    const waiting = room.page.getByRole('region', { name: 'Te esperan' });
    // Willow is Sam's and Ana's: the client is named by whose they are, and either may go.
    await expect(waiting).toContainText('Cliente de Sam ha llegado');
    await expect(waiting).toContainText('Acaba de llegar');
    await expect(waiting.getByRole('group', { name: '¿Quién va?' }).getByRole('button')).toHaveText(['Sam va', 'Ana va']);
    await expect(room.page.getByRole('region', { name: 'Ajustes' }).getByRole('button').first()).toBeVisible();
    await expect(room.page.getByTestId('room-preset')).toHaveText(/./);
    await room.page.getByRole('button', { name: 'Empezar la sesión' }).click();
    await expect(room.page.getByRole('button', { name: 'Terminar la sesión' })).toBeVisible();
    await expect(room.page.locator('.room-header').getByText('En sesión', { exact: true })).toBeVisible();
    expect(await seriousA11yViolations(room.page)).toEqual([]);

    // The desk hears "On my way" in its own words.
    await waiting.getByRole('button', { name: 'Sam va' }).click();
    await expect(row).toContainText('Sam va en camino');
  });

  test('the admin page and its setup checklist are in Spanish, their kind words too, and pass axe', async ({ hub, page }) => {
    test.slow(); // several forms, each opened and checked
    await page.goto(`${hub.url}/admin`);
    await expect(page.getByRole('heading', { level: 1, name: 'Configuración de la consulta' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.getByLabel('PIN del personal').fill(deskPin);
    await page.getByRole('button', { name: 'Abrir la configuración' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Willow Street Practice: configuración de la consulta' })).toBeVisible();
    await expect(page).toHaveTitle('Configuración de la consulta · Stillroom');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    for (const section of ['Profesionales', 'Salas', 'Ajustes de sala', 'Preferencias y PIN', 'Conexiones']) await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Volver a recepción' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Editar a Sam' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Salas del archivo de la consulta' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Los ajustes de Stillroom' })).toBeVisible();
    await expect(page.getByLabel('PIN de recepción (puesto)')).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Bus de la consulta (bróker MQTT)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Probar la conexión' })).toBeVisible();

    // Kind words on bad input, in Spanish, and what was typed is kept.
    const idle = page.getByLabel('El quiosco vuelve a la bienvenida tras (segundos sin tocarlo)');
    await idle.fill('mucho');
    await page.getByRole('button', { name: 'Guardar los ajustes' }).click();
    await expect(page.getByText('Indica un número entero de segundos, de 5 a 600.')).toBeVisible();
    await expect(idle).toHaveValue('mucho');
    await expect(idle).toBeFocused();
    await page.getByLabel('PIN de administración (sin poner)').fill('12');
    await page.getByRole('button', { name: 'Poner el PIN de administración' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Un PIN tiene de 4 a 12 cifras; se recomiendan 6 o más.' })).toBeVisible();

    await page.getByRole('button', { name: 'Añadir profesional' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Nueva ficha de profesional' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Miércoles' })).toBeChecked();
    await page.getByRole('button', { name: 'Añadir al quiosco' }).click();
    await expect(page.getByText('Indica el nombre que verán los clientes en el quiosco, de hasta 40 letras.')).toBeVisible();
    await expect(page.getByLabel('Nombre en el quiosco')).toBeFocused();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await expect(page.getByText('Add a clinician')).toHaveCount(0);
    await expect(page.getByText('Save the settings')).toHaveCount(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The setup guide, reached as the checklist: its steps, its kind words, and the way back.
    await page.getByRole('link', { name: 'Lista de configuración' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Willow Street Practice: lista de configuración' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Tu consulta' })).toBeFocused();
    await expect(page.getByText('Paso 1 de 6')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pasos de la configuración' }).getByRole('listitem')).toHaveText(['Tu consulta', 'Conectar Home Assistant', 'Salas', 'Profesionales', 'Códigos PIN', 'El quiosco']);
    await page.getByLabel('El nombre de la consulta').fill('  ');
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await expect(page.getByRole('alert')).toHaveText('Indica el nombre de la consulta, como Terapia Calle Sauce.');
    for (let step = 1; step < 6; step++) await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'El quiosco' })).toBeFocused();
    await expect(page.getByRole('figure', { name: 'Vista previa del quiosco' })).toContainText('Una vista previa: los botones aparecen en el quiosco los días de cada profesional.');
    await page.getByRole('button', { name: 'Terminar' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Todo listo' })).toBeFocused();
    await expect(page.getByText('Willow Street Practice está lista.', { exact: false })).toBeVisible();
    await expect(page.locator('.setup-summary')).toContainText('3 salas: ');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expect(page.getByText('Next', { exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: 'Abrir la configuración de la consulta' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Willow Street Practice: configuración de la consulta' })).toBeVisible();
  });
});

test.describe('the same office in English (no practice.language)', () => {
  test.use({ office: demoOffice });

  test('the desk and a room screen keep their English words and lang="en"', async ({ hub, desk, room }) => {
    await deskWithOneArrival(desk, hub, english);
    await expect(desk.page.locator('#desk-last-change')).toHaveText("Last change: checking in Sam's client.");
    await expect(desk.page.getByRole('button', { name: "Undo checking in Sam's client" })).toBeEnabled();
    await expect(desk.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(desk.page).toHaveTitle('Front desk · Willow Street Practice');
    await expect(desk.page.getByRole('table', { name: "Today's arrivals" })).toBeVisible();
    await expect(desk.healthStrip()).toContainText('All systems calm');
    await expect(desk.rowFor('Sam').getByRole('cell').filter({ hasText: 'waiting' })).toBeVisible();

    await room.open(hub, 'willow');
    await expect(room.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(room.waitingForYou()).toContainText('Sam’s client is here');
    await expect(room.waitingForYou().getByRole('button', { name: 'Sam is going' })).toBeVisible();
    await expect(room.page.getByRole('button', { name: 'Start session' })).toBeVisible();
    await expect(room.page.getByText('Empezar la sesión')).toHaveCount(0);
  });

  test('the admin page keeps its English words and lang="en"', async ({ hub, page }) => {
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Staff PIN').fill(deskPin);
    await page.getByRole('button', { name: 'Open the setup' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Willow Street Practice: office setup' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Settings and PINs' })).toBeVisible();
    await expect(page.getByText('Configuración de la consulta')).toHaveCount(0);
  });
});
