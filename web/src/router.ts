/** The pages of the client; every page but login and register needs a session. */
import { createRouter, createWebHistory } from 'vue-router'
import { isLoggedIn, setSessionEndedHandler } from './composables/useSession'
import GameView from './views/GameView.vue'
import LoginView from './views/LoginView.vue'
import RecordEditView from './views/RecordEditView.vue'
import RecordNewView from './views/RecordNewView.vue'
import RecordsView from './views/RecordsView.vue'
import RegisterView from './views/RegisterView.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/records' },
    { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'Log in' } },
    { path: '/register', name: 'register', component: RegisterView, meta: { public: true, title: 'Register' } },
    { path: '/records', name: 'records', component: RecordsView, meta: { title: 'Your games' } },
    { path: '/records/new', name: 'record-new', component: RecordNewView, meta: { title: 'New game' } },
    { path: '/records/:id(\\d+)', name: 'game', component: GameView, props: true, meta: { title: 'Game' } },
    { path: '/records/:id(\\d+)/edit', name: 'record-edit', component: RecordEditView, props: true, meta: { title: 'Edit game' } },
    { path: '/:unknown(.*)*', redirect: '/records' },
  ],
})

router.beforeEach((to) => {
  if (!to.meta.public && !isLoggedIn()) {
    return { name: 'login', query: { next: to.fullPath } }
  }
  if (to.meta.public && isLoggedIn()) {
    return { name: 'records' }
  }
  return true
})

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title ? `${title} · Goban` : 'Goban'
})

setSessionEndedHandler(() => {
  const current = router.currentRoute.value
  if (!current.meta.public) {
    void router.push({ name: 'login', query: { next: current.fullPath } })
  }
})
